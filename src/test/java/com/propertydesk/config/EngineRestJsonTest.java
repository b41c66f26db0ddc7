package com.propertydesk.config;

import static com.propertydesk.support.TicketDriver.complaint;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.WebappSession;
import com.propertydesk.ticket.Category;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.rest.dto.task.TaskQueryDto;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Both engine APIs use one JSON mapper each, configured exactly as the engine REST API configures its own: the
 * answers keep Camunda's date format and requests may carry properties the API does not know.
 */
class EngineRestJsonTest extends SpringTestBase {

    /** Camunda's date format, yyyy-MM-dd'T'HH:mm:ss.SSSZ. */
    private static final String ENGINE_DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{4}";

    @Autowired
    EngineRestConfig engineRest;

    @Test
    void oneMapperConfiguredAsTheEnginesOwn() throws Exception {
        EngineRestJson json = new EngineRestJson();
        ObjectMapper mapper = json.getContext(TaskQueryDto.class);
        assertThat(json.getContext(Object.class)).as("made once").isSameAs(mapper);

        ObjectMapper engines = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
        Object sample = Map.of("due", new Date(1_700_000_000_123L), "day", LocalDate.of(2026, 12, 7));
        assertThat(mapper.writeValueAsString(sample)).isEqualTo(engines.writeValueAsString(sample));
        TaskQueryDto query = mapper.readValue("{\"candidateGroup\":\"engineering\",\"unknownToTheApi\":1}",
                TaskQueryDto.class);
        assertThat(query.getCandidateGroup()).isEqualTo("engineering");
    }

    @Test
    void takesThePlaceOfTheEnginesResolverInBothApis() {
        assertThat(engineRest.getClasses()).contains(EngineRestJson.class).doesNotContain(JacksonConfigurator.class)
                .containsAll(CamundaRestResources.getResourceClasses());
        assertThat(new WebappEngineApiConfig.EngineApi().getClasses()).contains(EngineRestJson.class)
                .doesNotContain(JacksonConfigurator.class);
        assertThatThrownBy(() -> EngineRestJson.inPlaceOfTheEngines(Set.of(EngineRestConfig.class)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JacksonConfigurator");
    }

    @Test
    void bothApisAnswerInTheEnginesFormat() {
        desk.file(complaint(uniqueRoom(), "楼道灯不亮", Category.ENGINEERING));
        String query = "{\"candidateGroup\":\"engineering\",\"unknownToTheApi\":true,"
                + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";

        Reply rest = new ApiClient(port).postRaw("/engine-rest/task?firstResult=0&maxResults=3", "engineer",
                "application/json", query);
        assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
        assertEngineDates(rest.json());

        WebappSession tasklist = WebappSession.login(port, "engineer", "demo", "tasklist");
        Reply webapp = tasklist.postEngine("/task?firstResult=0&maxResults=3", query);
        assertThat(webapp.status()).as(webapp.raw()).isEqualTo(200);
        assertEngineDates(webapp.json());
        // as Tasklist reads a saved filter
        String filter = engine.getFilterService().createFilterQuery().filterName("部门待认领").singleResult().getId();
        Reply hal = tasklist.postEngine("/filter/" + filter + "/list?firstResult=0&maxResults=3", query,
                "application/hal+json");
        assertThat(hal.status()).as(hal.raw()).isEqualTo(200);
        assertEngineDates(hal.json().get("_embedded").get("task"));
    }

    private static void assertEngineDates(JsonNode tasks) {
        assertThat(tasks).isNotEmpty();
        for (JsonNode task : tasks) {
            assertThat(task.get("created").asText()).matches(ENGINE_DATE);
        }
    }
}
