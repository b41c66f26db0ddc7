package com.propertydesk.ticket;

import static com.propertydesk.support.LifecycleScenario.complaintBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pausing and resuming the resolution clock over the integrator API. */
class ClockApiTest extends SpringTestBase {

    @Test
    void theResolutionClockPausesWhileTheOwnerIsAwayAndResumes() {
        ApiClient api = new ApiClient(port);
        LifecycleScenario scenario = new LifecycleScenario(api, false);
        String no = api.postJson("/api/v1/tickets", "frontdesk", complaintBody(TicketDriver.uniqueRoom(), "卫生间漏水"))
                .json().get("ticketNo").asText();
        Reply tooEarly = api.postJson("/api/v1/tickets/" + no + "/pause", "cs", Map.of("reason", "业主不在"));
        assertThat(tooEarly.status()).as("no clock runs before the ticket reaches dispatch").isEqualTo(409);
        scenario.work(no, "dispatch", "engineer", ApiClient.variables("handler", "engineer2"));

        Reply paused = api.postJson("/api/v1/tickets/" + no + "/pause", "engineer2", Map.of("reason", "业主出差，改约周四"));

        assertThat(paused.status()).as(paused.raw()).isEqualTo(200);
        assertThat(paused.json().get("pausedAt").isNull()).isFalse();
        assertThat(lastStage(paused)).isEqualTo("PAUSED");
        Reply again = api.postJson("/api/v1/tickets/" + no + "/pause", "engineer2", Map.of("reason", "again"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.json().get("detail").asText()).contains("paused already");

        Reply resumed = api.postRaw("/api/v1/tickets/" + no + "/resume", "engineer2", null, "");

        assertThat(resumed.status()).as(resumed.raw()).isEqualTo(200);
        assertThat(resumed.json().get("pausedAt").isNull()).isTrue();
        assertThat(lastStage(resumed)).isEqualTo("RESUMED");
        assertThat(api.postRaw("/api/v1/tickets/" + no + "/resume", "engineer2", null, "").status()).isEqualTo(409);
    }

    @Test
    void aPauseNeedsAReason() {
        Reply reply = new ApiClient(port).postJson("/api/v1/tickets/C-19990101-0001/pause", "engineer2", Map.of());

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    }

    private static String lastStage(Reply ticket) {
        var timeline = ticket.json().get("timeline");
        return timeline.get(timeline.size() - 1).get("stage").asText();
    }
}
