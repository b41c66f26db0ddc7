package com.propertydesk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.KpiFixture;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.ticket.api.TicketFilter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Ticket lists stay cheap over millions of tickets: counts stop at a cap and only the first matches are paged. */
class TicketSearchTest extends SpringTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TicketRepository tickets;

    @Test
    void aCountStopsOnePastItsCap() {
        String prefix = "S" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            KpiFixture.insertComplaint(jdbc, prefix + "-" + i, "9-9-" + i, "测试", "ENGINEERING", "engineering",
                    LocalDateTime.parse("1991-03-0" + (i + 1) + "T10:00"));
        }
        var march1991 = TicketSpecifications.matching(new TicketFilter(null, null, null, null, null, null,
                Instant.parse("1991-02-28T00:00:00Z"), Instant.parse("1991-04-01T00:00:00Z")));

        assertThat(tickets.countUpTo(march1991, 10)).isEqualTo(5);
        assertThat(tickets.countUpTo(march1991, 3)).as("one past the cap: more than 3 match").isEqualTo(4);
        assertThat(tickets.newestFirst(march1991, 1, 2)).extracting(Ticket::getTicketNo)
                .containsExactly(prefix + "-3", prefix + "-2");
    }

    @Test
    void onlyTheFirstTenThousandMatchesArePaged() {
        ApiClient api = new ApiClient(port);
        Reply last = api.get("/api/v1/tickets?page=499&size=20", "cs");
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().get("totalExact").asBoolean()).isTrue();

        for (String page : new String[] {"page=500&size=20", "page=2147483647&size=100"}) {
            Reply beyond = api.get("/api/v1/tickets?" + page, "cs");
            assertThat(beyond.status()).as(page).isEqualTo(400);
            assertThat(beyond.json().get("errors").get(0).get("field").asText()).isEqualTo("page");
            assertThat(beyond.json().get("errors").get(0).get("message").asText()).contains("10000");
        }
    }
}
