package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 4-byte characters (emoji, CJK Extension B such as 𠮷, a ZWJ sequence) stored intact end to end on MariaDB: in
 * the ticket (our tables), in the process variables, task names and history (Camunda's tables, created utf8mb4_bin
 * by the V8 migration), and read back unchanged from /api/v1 and /engine-rest. The README's complaint
 * "卫生间漏水😭" answered 500 when Camunda's tables were 3-byte utf8.
 */
class FourByteCharactersMariaDbIT extends MariaDbTestBase {

    static final String DESCRIPTION = "卫生间漏水😭，墙角渗水发霉𠮷";
    static final String DEMAND = "尽快上门维修🙏，别再拖了𩸽";
    static final String NAME = "𠮷野🌸女士";
    static final String ROOM = "3-1-1201🏠";
    static final String LOCATION = "3栋𠀋单元";
    static final String DISPATCH_NOTE = "今天下午上门👷‍♂️";
    static final String ACTION_TAKEN = "更换防水层🧰𨭎";
    static final String HANDLE_NOTE = "已不漏😀，业主确认𝄞";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fourByteCharactersOfTheTicketAndTheTaskFormsComeBackIntactFromTheApiAndTheEngine() {
        ApiClient api = new ApiClient(port);
        LifecycleScenario steps = new LifecycleScenario(api, true);
        Map<String, Object> body = new HashMap<>(Map.of("type", "COMPLAINT", "channel", "WECHAT",
                "reporter", Map.of("name", NAME, "phone", "13800138000", "room", ROOM),
                "location", LOCATION, "description", DESCRIPTION, "demand", DEMAND));
        Reply filed = api.postJson("/api/v1/tickets", "integrator", body, "Idempotency-Key",
                UUID.randomUUID().toString());
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String no = filed.json().get("ticketNo").asText();

        JsonNode dispatch = steps.awaitTask(no, "dispatch", "engineer", "&candidateGroup=engineering");
        assertThat(dispatch.get("name").asText()).isEqualTo("派单 · " + no + " · " + ROOM);
        steps.work(no, "dispatch", "engineer", ApiClient.variables("handler", "engineer2",
                "dispatchNote", DISPATCH_NOTE));
        steps.work(no, "handle", "engineer2", ApiClient.variables("actionTaken", ACTION_TAKEN,
                "responsibility", "PROPERTY", "handleNote", HANDLE_NOTE));
        steps.awaitTask(no, "verify", "engineer", "");

        JsonNode ticket = api.get("/api/v1/tickets/" + no, "cs").json();
        assertThat(ticket.get("description").asText()).isEqualTo(DESCRIPTION);
        assertThat(ticket.get("demand").asText()).isEqualTo(DEMAND);
        assertThat(ticket.get("location").asText()).isEqualTo(LOCATION);
        assertThat(ticket.get("reporter").get("name").asText()).isEqualTo(NAME);
        assertThat(ticket.get("reporter").get("room").asText()).isEqualTo(ROOM);
        assertThat(ticket.get("category").asText()).as("漏水 still matches").isEqualTo("ENGINEERING");
        List<String> notes = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> notes.add(entry.get("note").asText()));
        assertThat(String.join("\n", notes)).contains(DISPATCH_NOTE, ACTION_TAKEN, HANDLE_NOTE);

        // the department's work process, where the dispatch and handle forms' values live
        String instance = api.get("/engine-rest/task?processInstanceBusinessKey=" + ApiClient.encode(no)
                + "&taskDefinitionKey=verify", "admin").json().get(0).get("processInstanceId").asText();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("description", DESCRIPTION);
        expected.put("room", ROOM);
        expected.put("dispatchNote", DISPATCH_NOTE);
        expected.put("actionTaken", ACTION_TAKEN);
        expected.put("handleNote", HANDLE_NOTE);
        JsonNode variables = api.get("/engine-rest/process-instance/" + instance + "/variables", "admin").json();
        expected.forEach((name, value) -> assertThat(variables.get(name).get("value").asText())
                .as("running variable %s", name).isEqualTo(value));

        Map<String, String> history = new HashMap<>();
        api.get("/engine-rest/history/variable-instance?processInstanceId=" + instance, "admin").json()
                .forEach(variable -> history.put(variable.get("name").asText(), variable.get("value").asText()));
        expected.forEach((name, value) -> assertThat(history.get(name)).as("historic variable %s", name)
                .isEqualTo(value));
        List<String> taskNames = new ArrayList<>();
        api.get("/engine-rest/history/task?processInstanceId=" + instance, "admin").json()
                .forEach(task -> taskNames.add(task.get("name").asText()));
        assertThat(taskNames).contains("派单 · " + no + " · " + ROOM, "处理 · " + no + " · " + ROOM);

        // as stored, not just as read: the bytes in Camunda's table are the characters' UTF-8
        assertThat(jdbc.queryForObject("SELECT HEX(TEXT_) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = ?"
                + " AND NAME_ = 'description'", String.class, instance)).isEqualTo(hex(DESCRIPTION));
        assertThat(jdbc.queryForObject("SELECT HEX(description) FROM ticket WHERE ticket_no = ?", String.class, no))
                .isEqualTo(hex(DESCRIPTION));
    }

    @Test
    void everyTextColumnOfOursAndOfCamundasIsUtf8mb4AndCamundasKeepTheirBinaryCollation() {
        assertThat(jdbc.queryForList("SELECT CONCAT(TABLE_NAME, '.', COLUMN_NAME, ' ', CHARACTER_SET_NAME)"
                + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND CHARACTER_SET_NAME IS NOT NULL"
                + " AND CHARACTER_SET_NAME <> 'utf8mb4'", String.class)).as("columns in another character set").isEmpty();
        assertThat(jdbc.queryForList("SELECT DISTINCT COLLATION_NAME FROM information_schema.COLUMNS"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'ACT\\_%' AND COLLATION_NAME IS NOT NULL",
                String.class)).containsExactly("utf8mb4_bin");
        assertThat(jdbc.queryForList("SELECT DISTINCT TABLE_COLLATION FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME NOT LIKE 'ACT\\_%'", String.class))
                .as("ours inherit the database's (created utf8mb4 as the README asks)")
                .containsExactly("utf8mb4_unicode_ci");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()"
                + " AND TABLE_NAME LIKE 'ACT\\_%'", Integer.class)).isEqualTo(49);
    }

    private static String hex(String text) {
        StringBuilder hex = new StringBuilder();
        for (byte b : text.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(String.format("%02X", b));
        }
        return hex.toString();
    }
}
