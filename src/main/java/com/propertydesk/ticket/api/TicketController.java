package com.propertydesk.ticket.api;

import com.propertydesk.config.InvalidFieldException;
import com.propertydesk.ticket.Caller;
import com.propertydesk.ticket.Category;
import com.propertydesk.ticket.TicketService;
import com.propertydesk.ticket.TicketStatus;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.Urgency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/v1/tickets", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Tickets", description = "File complaints (投诉) and repair requests (报修) and follow them")
@SecurityRequirement(name = "basicAuth")
public class TicketController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Pattern KEY_FORMAT = Pattern.compile("[\\x21-\\x7E]{1,100}");
    /** How far in the future an occurredAt may lie before it is a mistake rather than clock skew. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final TicketService tickets;
    private final TicketMapper mapper;
    private final TimeRanges timeRanges;
    private final Clock clock;

    public TicketController(TicketService tickets, TicketMapper mapper, TimeRanges timeRanges, Clock clock) {
        this.tickets = tickets;
        this.mapper = mapper;
        this.timeRanges = timeRanges;
        this.clock = clock;
    }

    @Operation(operationId = "createTicket", summary = "File a ticket",
            description = "Stores the ticket and starts its process. The caller is recorded as receivedBy "
                    + "(首问责任人). A retry with the same Idempotency-Key and body returns the first ticket.")
    @ApiResponse(responseCode = "201", description = "Ticket filed (or replayed for a repeated Idempotency-Key)",
            headers = @Header(name = "Location", description = "URL of the ticket",
                    schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @ApiResponse(responseCode = "422", description = "Idempotency-Key reused with a different body")
    @ApiResponse(responseCode = "409", description = "Another request held the same rows at the same moment (rare): "
            + "nothing was stored; send it again, with the same Idempotency-Key")
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<TicketResponse> create(@Valid @RequestBody CreateTicketRequest request,
            @Parameter(description = "Any unique string (a UUID) to make retries safe: 1 to 100 visible ASCII "
                    + "characters (0x21 to 0x7E, pattern [\\x21-\\x7E]{1,100}: no spaces, no control or non-ASCII "
                    + "characters); anything else is a 400 naming Idempotency-Key",
                    schema = @Schema(type = "string", pattern = "^[\\x21-\\x7E]{1,100}$", maxLength = 100,
                            minLength = 1, example = "3f0c1e5a-8d2b-4c57-9a3e-6b1f0d2c4e7a"))
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
            Authentication caller) {
        if (idempotencyKey != null && !KEY_FORMAT.matcher(idempotencyKey).matches()) {
            throw new InvalidFieldException(IDEMPOTENCY_KEY,
                    "must be 1 to 100 visible ASCII characters without spaces");
        }
        if (request.occurredAt() != null
                && request.occurredAt().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            throw new InvalidFieldException("occurredAt", "must not be in the future");
        }
        if (request.occurredAt() != null && request.occurredAt().toInstant().isBefore(TimeRanges.EARLIEST)) {
            throw new InvalidFieldException("occurredAt", "must not be before 1970");
        }
        Caller who = Callers.of(caller);
        var intake = tickets.receive(mapper.toNewTicket(request), who, idempotencyKey);
        URI location = ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{ticketNo}")
                .buildAndExpand(intake.ticketNo()).toUri();
        var created = ResponseEntity.created(location);
        if (intake.replayed()) {
            created.header("Idempotent-Replayed", "true");
        }
        return created.body(intake.ticket() != null ? intake.ticket() : tickets.find(intake.ticketNo(), who));
    }

    @Operation(operationId = "getTicket", summary = "Read a ticket with its timeline",
            description = "404 also for a ticket the caller may not read. The owner's phone is masked unless the "
                    + "caller is customer service, the manager, the handler of the open ticket or granted owner-phones.")
    @ApiResponse(responseCode = "200", description = "The ticket")
    @ApiResponse(responseCode = "404", description = "No such ticket")
    @GetMapping("/{ticketNo}")
    public TicketResponse get(@PathVariable String ticketNo, Authentication caller) {
        return tickets.find(ticketNo, Callers.of(caller));
    }

    @Operation(operationId = "postFeedback", summary = "The owner's acceptance or rating from a self-service channel",
            description = "While a private-area repair awaits acceptance (验收), `accepted` (and optionally `rating`, "
                    + "`comment`) accepts it or sends it back for rework. Once a ticket is handled (CALLBACK or "
                    + "ARCHIVED), a `rating` without `accepted` records the owner's rating.")
    @ApiResponse(responseCode = "200", description = "Recorded; the ticket as it is now")
    @ApiResponse(responseCode = "400", description = "Invalid body; errors[] names each field")
    @ApiResponse(responseCode = "409", description = "The ticket does not await this feedback (also when another "
            + "tap accepted it a moment before), or another request changed it at the same moment")
    @PostMapping(path = "/{ticketNo}/feedback", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TicketResponse feedback(@PathVariable String ticketNo, @Valid @RequestBody FeedbackRequest feedback,
            Authentication caller) {
        String comment = feedback.comment() == null || feedback.comment().isBlank() ? null
                : feedback.comment().strip();
        Caller who = Callers.of(caller);
        tickets.feedback(ticketNo, who, feedback.accepted(), feedback.rating(), comment);
        return tickets.find(ticketNo, who);
    }

    @Operation(operationId = "pauseClock", summary = "Pause the resolution clock while the ticket waits for the owner",
            description = "For an appointment moved at the owner's request or nobody at home. The service time "
                    + "left is kept; resume restarts the clock with it and moves the resolution due dates.")
    @ApiResponse(responseCode = "200", description = "Paused; the ticket as it is now")
    @ApiResponse(responseCode = "409", description = "No running resolution clock (not dispatched yet, resolved, "
            + "or paused already)")
    @PostMapping(path = "/{ticketNo}/pause", consumes = MediaType.APPLICATION_JSON_VALUE)
    public TicketResponse pause(@PathVariable String ticketNo, @Valid @RequestBody PauseRequest pause,
            Authentication caller) {
        Caller who = Callers.of(caller);
        tickets.pauseClock(ticketNo, who, pause.reason().strip());
        return tickets.find(ticketNo, who);
    }

    @Operation(operationId = "resumeClock", summary = "Resume a paused resolution clock")
    @ApiResponse(responseCode = "200", description = "Resumed; the ticket with its new resolution due dates")
    @ApiResponse(responseCode = "409", description = "The clock is not paused")
    @PostMapping("/{ticketNo}/resume")
    public TicketResponse resume(@PathVariable String ticketNo, Authentication caller) {
        Caller who = Callers.of(caller);
        tickets.resumeClock(ticketNo, who);
        return tickets.find(ticketNo, who);
    }

    @Operation(operationId = "listTickets", summary = "List tickets, newest first",
            description = "from/to bound the creation time: an ISO date (2026-11-01, a whole day in the service "
                    + "centre's time zone) or date-time with offset; from is inclusive, to is inclusive for a "
                    + "date and exclusive for a date-time.")
    @ApiResponse(responseCode = "200", description = "A page of tickets")
    @ApiResponse(responseCode = "400", description = "Invalid filter; errors[] names each parameter")
    @GetMapping
    public TicketPage list(@RequestParam(required = false) TicketStatus status,
            @RequestParam(required = false) TicketType type,
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) Urgency urgency,
            @RequestParam(required = false) String department,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            // last: a client generated from the description before it keeps its parameters' order
            @Parameter(description = "The account that took the tickets in (首问责任人), e.g. frontdesk: the tickets "
                    + "a staff member follows under 首问负责制, among those the caller may read")
            @RequestParam(required = false) @Size(max = 64) String receivedBy,
            Authentication caller) {
        TimeRanges.Range range = timeRanges.parse(from, to);
        return tickets.search(new TicketFilter(status, type, category, urgency, blankToNull(department),
                blankToNull(receivedBy), range.from(), range.to()), page, size, Callers.of(caller));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
