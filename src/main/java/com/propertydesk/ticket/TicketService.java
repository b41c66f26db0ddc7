package com.propertydesk.ticket;

import com.propertydesk.config.Conflicts;
import com.propertydesk.config.InvalidFieldException;
import com.propertydesk.ticket.api.TicketFilter;
import com.propertydesk.ticket.api.TicketMapper;
import com.propertydesk.ticket.api.TicketPage;
import com.propertydesk.ticket.api.TicketResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Taking tickets in (受理) and reading them back. */
@Service
public class TicketService {

    private final TicketRepository tickets;
    private final TicketNumberGenerator numbers;
    private final TicketWorkflow workflow;
    private final TicketMapper mapper;
    private final TicketProperties properties;
    private final TicketLifecycle lifecycle;
    private final TicketAccess access;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public TicketService(TicketRepository tickets, TicketNumberGenerator numbers, TicketWorkflow workflow,
            TicketMapper mapper, TicketProperties properties, TicketLifecycle lifecycle, TicketAccess access,
            Clock clock, PlatformTransactionManager transactionManager) {
        this.lifecycle = lifecycle;
        this.access = access;
        this.tickets = tickets;
        this.numbers = numbers;
        this.workflow = workflow;
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * A ticket taken in, or the one an earlier request with the same idempotency key created; a new ticket comes
     * with its view as the caller may see it (read in the transaction that wrote it, not again).
     */
    public record Intake(String ticketNo, boolean replayed, TicketResponse ticket) {
    }

    /**
     * Stores the ticket and starts its process in one transaction. With an idempotency key, a retry of the same
     * request returns the first ticket, also when both arrive at once on different nodes.
     */
    public Intake receive(NewTicket request, Caller caller, String idempotencyKey) {
        if (!access.mayFile(caller)) {
            throw new NotAllowedException("Your account may not file tickets");
        }
        String receivedBy = caller.id();
        String hash = idempotencyKey == null ? null : hash(request);
        // numbered before the transaction opens: the counter never waits for it, nor holds a second connection
        // (a retry with a key that finds its first ticket leaves a gap in the day's numbers)
        String ticketNo = numbers.next(request.type());
        try {
            // a retry with the same key finds the first ticket in the transaction that would write the new one
            return Conflicts.retryingOnceIfBusy("Intake of " + ticketNo, () -> transaction.execute(status ->
                    (idempotencyKey == null ? Optional.<Intake>empty() : replay(receivedBy, idempotencyKey, hash))
                            .orElseGet(() -> create(ticketNo, request, caller, idempotencyKey, hash))));
        } catch (DataIntegrityViolationException concurrentRetry) {
            if (idempotencyKey == null) {
                throw concurrentRetry;
            }
            return transaction.execute(status -> replay(receivedBy, idempotencyKey, hash))
                    .orElseThrow(() -> concurrentRetry);
        }
    }

    private Optional<Intake> replay(String receivedBy, String idempotencyKey, String hash) {
        return tickets.findByReceivedByAndIdempotencyKey(receivedBy, idempotencyKey).map(first -> {
            if (!first.getRequestHash().equals(hash)) {
                throw new IdempotencyKeyReusedException(first.getTicketNo());
            }
            return new Intake(first.getTicketNo(), true, null);
        });
    }

    private Intake create(String ticketNo, NewTicket request, Caller caller, String idempotencyKey, String hash) {
        String receivedBy = caller.id();
        Instant now = clock.instant();
        int repeats = (int) tickets.countByTypeAndRoomKeyAndCreatedAtGreaterThanEqual(request.type(),
                Ticket.roomKey(request.reporterRoom()), now.minus(properties.repeatWindow()));
        Ticket ticket = Ticket.receive(ticketNo, request, receivedBy, now, repeats);
        if (idempotencyKey != null) {
            ticket.rememberIdempotency(idempotencyKey, hash);
        }
        ticket.record(now, TimelineStage.RECEIVED, receivedBy,
                request.channel().label() + "受理" + request.type().label()
                        + (request.category() == null ? "" : "，分类：" + request.category().label())
                        + (repeats > 0 ? "（30天内同一房号第" + (repeats + 1) + "次）" : ""),
                request.demand());
        // the process first, so that the ticket is written once, with its process instance, in the same transaction
        ticket.startedAs(workflow.start(ticket));
        tickets.saveAndFlush(ticket);
        return new Intake(ticket.getTicketNo(), false, view(ticket, caller));
    }

    /**
     * The owner's answer from a self-service channel: while a private-area repair awaits acceptance it accepts or
     * rejects it (a rejection is a rework); once a ticket is handled it rates it.
     * <p>
     * Feedback on one ticket is taken one at a time (the ticket's row is locked first), so of several taps at
     * once the first accepts and the others find the repair accepted (409), without meeting in the engine's
     * tables. A deadlock with a staff member's action on the same ticket runs it once more.
     */
    public void feedback(String ticketNo, Caller caller, Boolean accepted, Integer rating, String comment) {
        Conflicts.retryingOnceIfBusy("Feedback on " + ticketNo, () -> transaction.execute(status -> {
            recordFeedback(ticketNo, caller, accepted, rating, comment);
            return null;
        }));
    }

    private void recordFeedback(String ticketNo, Caller caller, Boolean accepted, Integer rating, String comment) {
        Ticket ticket = tickets.findLockedByTicketNo(ticketNo).filter(found -> access.mayRead(caller, found))
                .orElseThrow(() -> new TicketNotFoundException(ticketNo));
        if (!access.mayGiveOwnerFeedback(caller, ticket)) {
            throw new NotAllowedException("Only the owner's app that filed ticket " + ticketNo
                    + " or customer service may give the owner's feedback");
        }
        if (workflow.awaitsAcceptance(ticketNo)) {
            if (Boolean.TRUE.equals(ticket.getPublicArea())) {
                throw new FeedbackNotExpectedException("Ticket " + ticketNo
                        + " is a public-area repair: the manager accepts it, not the owner");
            }
            if (accepted == null) {
                throw new InvalidFieldException("accepted", "is required while the repair awaits the owner's "
                        + "acceptance");
            }
            workflow.acceptAsOwner(ticketNo, caller.id(), accepted, rating, comment);
            return;
        }
        if (accepted != null) {
            throw new FeedbackNotExpectedException("Ticket " + ticketNo + " awaits no acceptance (status "
                    + ticket.getStatus() + "); send a rating without 'accepted'");
        }
        if (ticket.getStatus() != TicketStatus.CALLBACK && ticket.getStatus() != TicketStatus.ARCHIVED) {
            throw new FeedbackNotExpectedException("Ticket " + ticketNo + " can be rated once it has been handled "
                    + "(status " + ticket.getStatus() + ")");
        }
        if (rating == null) {
            throw new InvalidFieldException("rating", "is required");
        }
        lifecycle.ownerRated(ticketNo, caller.id(), rating, comment);
    }

    /**
     * Stops the resolution clock while the ticket waits for the owner (appointment moved at the owner's request,
     * nobody home); {@link #resumeClock} restarts it with the service time that was left.
     */
    public void pauseClock(String ticketNo, Caller caller, String reason) {
        Conflicts.retryingOnceIfBusy("Pause of " + ticketNo, () -> transaction.execute(status -> {
            Ticket ticket = workable(ticketNo, caller);
            if (!workflow.pauseClock(ticketNo, caller.id(), reason)) {
                throw new ClockStateException("Ticket " + ticketNo + " has no running resolution clock to pause "
                        + "(status " + ticket.getStatus() + (ticket.getPausedAt() != null ? ", paused already" : "")
                        + ")");
            }
            return null;
        }));
    }

    public void resumeClock(String ticketNo, Caller caller) {
        Conflicts.retryingOnceIfBusy("Resume of " + ticketNo, () -> transaction.execute(status -> {
            Ticket ticket = workable(ticketNo, caller);
            if (!workflow.resumeClock(ticketNo, caller.id())) {
                throw new ClockStateException("Ticket " + ticketNo + " is not paused (status " + ticket.getStatus()
                        + ")");
            }
            return null;
        }));
    }

    /** The ticket as the caller may see it (404 for a ticket the caller may not read). */
    @Transactional(readOnly = true)
    public TicketResponse find(String ticketNo, Caller caller) {
        return view(readable(ticketNo, caller), caller);
    }

    private TicketResponse view(Ticket ticket, Caller caller) {
        return mapper.toResponse(ticket, access.maySeePhone(caller, ticket) ? TicketMapper.PhoneVisibility.WHOLE
                : TicketMapper.PhoneVisibility.MASKED);
    }

    /** The tickets the caller may read that match the filter; phones always masked. */
    @Transactional(readOnly = true)
    public TicketPage search(TicketFilter filter, int page, int size, Caller caller) {
        if (((long) page + 1) * size > TicketPage.MAX_RESULTS) {
            throw new InvalidFieldException("page", "only the first " + TicketPage.MAX_RESULTS + " tickets of a "
                    + "search can be paged (page × size); narrow it with from/to, status, type or department");
        }
        Specification<Ticket> matching = TicketSpecifications.matching(filter);
        Specification<Ticket> readable = access.readable(caller);
        Specification<Ticket> where = readable == null ? matching : matching.and(readable);
        var items = tickets.newestFirst(where, page * size, size).stream().map(mapper::toSummary).toList();
        long counted = tickets.countUpTo(where, TicketPage.MAX_RESULTS);
        boolean exact = counted <= TicketPage.MAX_RESULTS;
        long total = Math.min(counted, TicketPage.MAX_RESULTS);
        return new TicketPage(items, page, size, total, (int) ((total + size - 1) / size), exact);
    }

    private Ticket readable(String ticketNo, Caller caller) {
        Ticket ticket = tickets.findByTicketNo(ticketNo).orElseThrow(() -> new TicketNotFoundException(ticketNo));
        if (!access.mayRead(caller, ticket)) {
            // as if it did not exist: ticket numbers are guessable, owners' complaints are private
            throw new TicketNotFoundException(ticketNo);
        }
        return ticket;
    }

    private Ticket workable(String ticketNo, Caller caller) {
        Ticket ticket = readable(ticketNo, caller);
        if (!access.mayPause(caller, ticket)) {
            throw new NotAllowedException("Only the handler, the department, customer service, the manager or the "
                    + "owner's app that filed it may pause or resume ticket " + ticketNo);
        }
        return ticket;
    }

    private static String hash(NewTicket request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(request.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
