package com.propertydesk.attachment;

import com.propertydesk.ticket.TicketAttachment;
import java.util.List;
import java.util.stream.Collectors;

/** The attachments of a ticket as Markdown links, shown on every Tasklist form. */
public final class AttachmentLinks {

    private AttachmentLinks() {
    }

    public static String markdown(List<TicketAttachment> attachments) {
        if (attachments.isEmpty()) {
            return "暂无附件";
        }
        return attachments.stream().map(a -> "- [" + a.getFileName().replace("]", "") + "](/api/v1/tickets/"
                + a.getTicketNo() + "/attachments/" + a.getId() + ")（" + AttachmentService.humanSize(a.getSize())
                + "，" + a.getUploadedBy() + "）").collect(Collectors.joining("\n"));
    }
}
