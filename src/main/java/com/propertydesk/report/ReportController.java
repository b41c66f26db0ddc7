package com.propertydesk.report;

import com.propertydesk.identity.Groups;
import com.propertydesk.ticket.NotAllowedException;
import com.propertydesk.ticket.TicketType;
import com.propertydesk.ticket.api.TimeRanges;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/reports", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Reports", description = "Service-quality indicators and the quarterly complaint analysis")
@SecurityRequirement(name = "basicAuth")
public class ReportController {

    /** Who reads the centre's indicators. */
    static final String[] READERS = {Groups.MANAGER, Groups.GM, Groups.CUSTOMER_SERVICE, Groups.ADMIN};

    private final KpiService kpis;
    private final KpiFacts facts;
    private final TimeRanges timeRanges;
    private final Clock clock;
    private final ZoneId zone;

    public ReportController(KpiService kpis, KpiFacts facts, TimeRanges timeRanges, Clock clock, ZoneId zone) {
        this.kpis = kpis;
        this.facts = facts;
        this.timeRanges = timeRanges;
        this.clock = clock;
        this.zone = zone;
    }

    @Operation(operationId = "getKpis", summary = "Service-quality indicators of a period",
            description = "Each indicator with numerator, denominator and definition. from/to as in the ticket "
                    + "list (an ISO date is a whole day); without them, this month so far. For the manager, the "
                    + "general manager, customer service and administrators.")
    @ApiResponse(responseCode = "200", description = "The indicators")
    @ApiResponse(responseCode = "400", description = "Invalid parameter; errors[] names it")
    @ApiResponse(responseCode = "403", description = "Not a reader of the indicators")
    @GetMapping("/kpis")
    public KpiReport kpis(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @Parameter(description = "Camunda group id of a department") @RequestParam(required = false)
            String department,
            @RequestParam(required = false) TicketType type, Authentication caller) {
        requireReader(caller);
        TimeRanges.Range range = timeRanges.parse(from, to);
        Instant start = range.from() != null ? range.from()
                : LocalDate.ofInstant(clock.instant(), zone).withDayOfMonth(1).atStartOfDay(zone).toInstant();
        Instant end = range.to() != null ? range.to() : clock.instant();
        return kpis.compute(start, end, department == null || department.isBlank() ? null : department.strip(), type);
    }

    /** How many days a rebuild recomputed. */
    public record Rebuilt(int days) {
    }

    @Operation(operationId = "rebuildKpis", summary = "Rebuild the daily indicator facts from the tickets",
            description = "Only needed after tickets were loaded into the database by other means than this "
                    + "application (an import from an old system): the facts follow every change the application "
                    + "makes by themselves. Administrators only.")
    @ApiResponse(responseCode = "200", description = "Rebuilt")
    @ApiResponse(responseCode = "403", description = "Not an administrator")
    @PostMapping("/kpis/rebuild")
    public Rebuilt rebuild(Authentication caller) {
        if (caller.getAuthorities().stream().noneMatch(a -> a.getAuthority().equals("GROUP_" + Groups.ADMIN))) {
            throw new NotAllowedException("Only administrators rebuild the indicator facts");
        }
        facts.requestRebuild();
        return new Rebuilt(facts.refresh());
    }

    static void requireReader(Authentication caller) {
        boolean reader = caller.getAuthorities().stream().anyMatch(authority -> {
            for (String group : READERS) {
                if (authority.getAuthority().equals("GROUP_" + group)) {
                    return true;
                }
            }
            return false;
        });
        if (!reader) {
            throw new NotAllowedException("The indicators are for the manager, the general manager, customer "
                    + "service and administrators");
        }
    }
}
