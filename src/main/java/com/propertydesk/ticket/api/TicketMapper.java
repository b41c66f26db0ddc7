package com.propertydesk.ticket.api;

import com.propertydesk.ticket.Escalation;
import com.propertydesk.ticket.NewTicket;
import com.propertydesk.ticket.Ticket;
import com.propertydesk.ticket.TicketAttachment;
import com.propertydesk.ticket.TimelineEntry;
import com.propertydesk.ticket.UsedPart;
import org.mapstruct.Context;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

@Mapper(uses = TimeMapper.class)
public interface TicketMapper {

    @Mapping(target = "reporter", source = ".", qualifiedByName = "reporter")
    TicketResponse toResponse(Ticket ticket, @Context PhoneVisibility phone);

    @Mapping(target = "url", expression = "java(attachmentUrl(attachment))")
    AttachmentView toView(TicketAttachment attachment);

    /** The download address of an attachment, relative to the server. */
    default String attachmentUrl(TicketAttachment attachment) {
        return "/api/v1/tickets/" + attachment.getTicketNo() + "/attachments/" + attachment.getId();
    }

    @Mapping(target = "reporter", source = ".", qualifiedByName = "maskedReporter")
    TicketSummary toSummary(Ticket ticket);

    @Mapping(target = "stageLabel", expression = "java(entry.getStage().label())")
    TimelineEntryView toView(TimelineEntry entry);

    EscalationView toView(Escalation escalation);

    PartView toView(UsedPart part);

    @Mapping(target = "reporterName", source = "reporter.name")
    @Mapping(target = "reporterPhone", source = "reporter.phone")
    @Mapping(target = "reporterRoom", source = "reporter.room")
    NewTicket toNewTicket(CreateTicketRequest request);

    /** Whether the caller may see the owner's phone number whole. */
    enum PhoneVisibility {
        WHOLE, MASKED
    }

    @Named("reporter")
    default ReporterView reporter(Ticket ticket, @Context PhoneVisibility phone) {
        return new ReporterView(ticket.getReporterName(), phone == PhoneVisibility.WHOLE
                ? ticket.getReporterPhone() : PhoneMask.mask(ticket.getReporterPhone()), ticket.getReporterRoom());
    }

    @Named("maskedReporter")
    default ReporterView maskedReporter(Ticket ticket) {
        return new ReporterView(ticket.getReporterName(), PhoneMask.mask(ticket.getReporterPhone()),
                ticket.getReporterRoom());
    }
}
