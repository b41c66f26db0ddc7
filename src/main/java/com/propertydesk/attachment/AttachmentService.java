package com.propertydesk.attachment;

import com.propertydesk.ticket.Caller;
import com.propertydesk.ticket.NotAllowedException;
import com.propertydesk.ticket.Ticket;
import com.propertydesk.ticket.TicketAccess;
import com.propertydesk.ticket.TicketAttachment;
import com.propertydesk.ticket.TicketNotFoundException;
import com.propertydesk.ticket.TicketRepository;
import com.propertydesk.ticket.TicketWorkflow;
import com.propertydesk.ticket.TimelineStage;
import com.propertydesk.ticket.api.AttachmentView;
import com.propertydesk.ticket.api.TicketMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence for a ticket (photos, videos, documents), under the ticket's own authorization. An upload is kept
 * whole or not at all: the content is checked by its first bytes before anything is written, the file is
 * written completely before its record exists, and the file is removed again if the record's transaction does
 * not commit.
 */
@Service
public class AttachmentService {

    /** file_name VARCHAR(255) in UTF-16 units as H2 counts them (MySQL counts code points: fewer). */
    static final int MAX_NAME = 255;

    private final TicketRepository tickets;
    private final TicketAccess access;
    private final AttachmentStorage storage;
    private final AttachmentProperties properties;
    private final TicketMapper mapper;
    private final TicketWorkflow workflow;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public AttachmentService(TicketRepository tickets, TicketAccess access, AttachmentStorage storage,
            AttachmentProperties properties, TicketMapper mapper, TicketWorkflow workflow, Clock clock,
            PlatformTransactionManager transactionManager) {
        this.tickets = tickets;
        this.access = access;
        this.storage = storage;
        this.properties = properties;
        this.mapper = mapper;
        this.workflow = workflow;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** A file to attach as the client sent it. */
    public record Upload(String fileName, long declaredSize, InputStream content) {
    }

    /** An attachment's record and its content. */
    public record Download(AttachmentView attachment, InputStream content) {
    }

    public AttachmentView attach(String ticketNo, Caller caller, Upload upload) {
        long maxBytes = properties.maxSize().toBytes();
        if (upload.declaredSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        BufferedInputStream content = new BufferedInputStream(upload.content());
        String contentType = sniff(content);
        String fileName = cleanName(upload.fileName());
        return transaction.execute(status -> {
            Ticket ticket = readable(ticketNo, caller);
            if (!access.mayAttach(caller, ticket)) {
                throw new NotAllowedException("You may not attach evidence to ticket " + ticketNo);
            }
            AttachmentStorage.Stored stored = store(content, maxBytes);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int outcome) {
                    if (outcome != STATUS_COMMITTED) {
                        storage.delete(stored.key());
                    }
                }
            });
            TicketAttachment attachment = ticket.attach(fileName, contentType, stored.size(), stored.sha256(),
                    stored.key(), caller.id(), clock.instant());
            ticket.record(clock.instant(), TimelineStage.EVIDENCE, caller.id(), "上传附件 " + fileName,
                    contentType + "，" + humanSize(stored.size()) + "，SHA-256 " + stored.sha256());
            // flush, not save: merging would persist a copy and leave this attachment without its id
            tickets.flush();
            workflow.attachmentsChanged(ticketNo, AttachmentLinks.markdown(ticket.getAttachments()));
            return mapper.toView(attachment);
        });
    }

    public List<AttachmentView> list(String ticketNo, Caller caller) {
        return transaction.execute(status -> readable(ticketNo, caller).getAttachments().stream()
                .map(mapper::toView).toList());
    }

    public Download open(String ticketNo, long attachmentId, Caller caller) {
        TicketAttachment attachment = transaction.execute(status -> readable(ticketNo, caller).getAttachments()
                .stream().filter(a -> a.getId() == attachmentId).findFirst()
                .orElseThrow(() -> new AttachmentNotFoundException(ticketNo, attachmentId)));
        try {
            return new Download(mapper.toView(attachment), storage.open(attachment.getStorageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("Attachment " + attachmentId + " of " + ticketNo + " is missing", e);
        }
    }

    private Ticket readable(String ticketNo, Caller caller) {
        Ticket ticket = tickets.findByTicketNo(ticketNo).orElseThrow(() -> new TicketNotFoundException(ticketNo));
        if (!access.mayRead(caller, ticket)) {
            throw new TicketNotFoundException(ticketNo);
        }
        return ticket;
    }

    private AttachmentStorage.Stored store(InputStream content, long maxBytes) {
        try {
            return storage.store(content, maxBytes);
        } catch (AttachmentStorage.TooLargeException e) {
            throw tooLarge(maxBytes);
        } catch (IOException e) {
            throw new AttachmentRefusedException(HttpStatus.BAD_REQUEST,
                    "The upload broke off before the whole file arrived; nothing was kept: " + e.getMessage());
        }
    }

    private static String sniff(BufferedInputStream content) {
        try {
            content.mark(ContentSniffer.HEAD);
            byte[] head = content.readNBytes(ContentSniffer.HEAD);
            content.reset();
            return ContentSniffer.contentType(head).orElseThrow(() -> new AttachmentRefusedException(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Only photos and videos (JPEG, PNG, HEIC, MP4) and PDF "
                            + "documents are accepted, recognised by their content"));
        } catch (IOException e) {
            throw new AttachmentRefusedException(HttpStatus.BAD_REQUEST, "The upload could not be read");
        }
    }

    private AttachmentRefusedException tooLarge(long maxBytes) {
        return new AttachmentRefusedException(HttpStatus.PAYLOAD_TOO_LARGE,
                "A file may be at most " + humanSize(maxBytes));
    }

    static String cleanName(String name) {
        String base = name == null ? "" : name.replaceAll(".*[/\\\\]", "").replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (base.isEmpty()) {
            base = "attachment";
        }
        if (base.length() <= MAX_NAME) {
            return base;
        }
        // the end, with its extension; never half of a 4-byte character
        int start = base.length() - MAX_NAME;
        return base.substring(Character.isLowSurrogate(base.charAt(start)) ? start + 1 : start);
    }

    public static String humanSize(long bytes) {
        if (bytes >= 1024 * 1024) {
            return "%.1f MB".formatted(bytes / (1024.0 * 1024.0));
        }
        return bytes >= 1024 ? "%.1f KB".formatted(bytes / 1024.0) : bytes + " B";
    }
}
