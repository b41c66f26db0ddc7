package com.propertydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.EvaluationProbe;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.WebappSession;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Expressions smuggled into task queries are refused by both engine APIs, at every nesting level, and nothing
 * is evaluated: the probe bean an expression would call is never touched.
 */
class QueryExpressionInjectionTest extends SpringTestBase {

    private static final String PROBE = "${evaluationProbe.touch()}";

    @Autowired
    EvaluationProbe probe;

    ApiClient api;
    int touchedBefore;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        touchedBefore = probe.touched();
    }

    @AfterEach
    void nothingWasEvaluated() {
        assertThat(probe.touched()).as("expressions evaluated by the server").isEqualTo(touchedBefore);
    }

    @Test
    void theProbeSeesAnExpressionTheEngineEvaluates() {
        // control: through the Java API, inside the application, an or-query expression is evaluated
        engine.getTaskService().createTaskQuery().or().dueAfterExpression(PROBE).endOr().list();

        assertThat(probe.touched()).isEqualTo(touchedBefore + 1);
        touchedBefore = probe.touched();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"orQueries\": [{\"dueAfterExpression\": \"" + PROBE + "\"}]}",
        "{\"orQueries\": [{\"assigneeExpression\": \"" + PROBE + "\"}], \"assignee\": \"engineer\"}",
        "{\"dueBeforeExpression\": \"" + PROBE + "\"}",
        "{\"orQueries\": [{\"processVariables\": [], \"followUpAfterExpression\": \"" + PROBE + "\"}]}",
    })
    void theEngineRestApiRefusesExpressionsInTaskQueries(String query) {
        Reply list = api.postJson("/engine-rest/task", "engineer", query);
        Reply count = api.postJson("/engine-rest/task/count", "engineer", query);
        Reply named = api.postJson("/engine-rest/engine/default/task", "engineer", query);

        for (Reply reply : new Reply[] {list, count, named}) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
            assertThat(reply.json().get("message").asText()).contains("Expression");
        }
    }

    @Test
    void anExpressionAsAQueryParameterIsRefused() {
        Reply reply = api.get("/engine-rest/task?dueAfterExpression=" + ApiClient.encode(PROBE), "engineer");

        assertThat(reply.status()).isEqualTo(400);
    }

    @Test
    void aFiltersExtendingQueryCannotCarryExpressions() {
        String filterId = engine.getFilterService().createFilterQuery().filterName("部门待认领").singleResult().getId();

        Reply reply = api.postJson("/engine-rest/filter/" + filterId + "/list", "engineer",
                "{\"orQueries\": [{\"dueAfterExpression\": \"" + PROBE + "\"}]}");

        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(api.postJson("/engine-rest/filter/" + filterId + "/list", "engineer", "{}").status())
                .as("the filter itself works").isEqualTo(200);
    }

    @Test
    void theWebappsEngineApiRefusesThemToo() {
        WebappSession tasklist = WebappSession.login(port, "engineer", "demo", "tasklist");
        assertThat(tasklist.login().status()).as(tasklist.login().raw()).isEqualTo(200);

        Reply injected = tasklist.postEngine("/task", "{\"orQueries\": [{\"dueAfterExpression\": \"" + PROBE + "\"}]}");
        String filterId = engine.getFilterService().createFilterQuery().filterName("我的待办").singleResult().getId();
        Reply extended = tasklist.postEngine("/filter/" + filterId + "/list",
                "{\"orQueries\": [{\"candidateGroupExpression\": \"" + PROBE + "\"}]}");

        assertThat(injected.status()).as(injected.raw()).isEqualTo(400);
        assertThat(extended.status()).as(extended.raw()).isEqualTo(400);
        assertThat(tasklist.postEngine("/filter/" + filterId + "/list", "{}").status()).isEqualTo(200);
    }

    @Test
    void onlyAdministratorsCreateFiltersAndOnlyWithOurExpressions() {
        String injected = filter("{\"orQueries\": [{\"dueAfterExpression\": \"" + PROBE + "\"}]}");
        String ours = filter("{\"assigneeExpression\": \"${currentUser()}\"}");

        assertThat(api.postJson("/engine-rest/filter/create", "manager", ours).status()).as("not an admin")
                .isEqualTo(403);
        Reply refused = api.postJson("/engine-rest/filter/create", "admin", injected);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("query.orQueries[0].dueAfterExpression");
        Reply created = api.postJson("/engine-rest/filter/create", "admin", ours);
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        engine.getFilterService().deleteFilter(created.json().get("id").asText());
    }

    private static String filter(String query) {
        return ApiClient.toJson(Map.of("resourceType", "Task", "name", "injected", "owner", "admin",
                "query", ApiClient.toJson(Map.of())) ).replace("\"{}\"", query);
    }
}
