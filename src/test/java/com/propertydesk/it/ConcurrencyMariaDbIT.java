package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.MariaDb;
import com.propertydesk.support.Race;
import com.propertydesk.support.RecordingApiClient;
import com.propertydesk.support.WebappSession;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many people at once, on MariaDB with the production profile and the job executor running, on a database of its
 * own (so the first tickets filed here are the first of the day): sixteen owners file at the same instant and
 * their tickets are walked to ARCHIVED at the same time; ten staff race to claim one task, then ten to complete
 * it, over {@code /engine-rest} and over the webapps' engine API that Tasklist calls; ten taps of the owner's
 * app race to accept one repair. No answer is a 5xx; each race has exactly one winner and the others get a clear
 * 409/404 with a reason; every ticket ends ARCHIVED with its processes ended and one timeline entry per stage
 * (the losers left nothing behind). {@link TicketNumbersMariaDbIT} races the counter itself from two nodes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "propertydesk.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=true"
})
@ActiveProfiles("mysql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ConcurrencyMariaDbIT {

    private static final String DATABASE = MariaDb.newDatabase();
    private static final int OWNERS = 16;
    private static final int STAFF = 10;
    private static final long RACE_SECONDS = 60;
    private static final String COMPLAINT = "卫生间天花板漏水，已经滴到地面";
    private static final String REPAIR = "厨房水龙头漏水，关不紧";
    private static final List<String> COMPLAINT_STAGES = List.of("RECEIVED", "CLASSIFIED", "ASSESSED", "ROUTED",
            "DISPATCHED", "HANDLED", "VERIFIED", "CALLBACK", "ARCHIVED");

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.profileSettings(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ZoneId zone;

    private RecordingApiClient api;
    private LifecycleScenario scenario;
    private long countersBeforeTheFirstTickets;
    private List<LocalDate> daysOfTheFirstTickets;
    private List<Filing> firstTickets;

    /** One owner's filing: the body and key it sent and the answer. */
    record Filing(boolean complaint, String room, String key, Reply reply) {

        String ticketNo() {
            return reply.json().get("ticketNo").asText();
        }
    }

    @BeforeAll
    void theFirstTicketsOfTheDayAreFiledAtOnce() {
        api = new RecordingApiClient(port);
        scenario = new LifecycleScenario(api, true);
        createStaff();
        countersBeforeTheFirstTickets = jdbc.queryForObject("SELECT COUNT(*) FROM ticket_counter", Long.class);
        LocalDate before = LocalDate.now(zone);
        firstTickets = Race.run(OWNERS, RACE_SECONDS, owner -> {
            boolean complaint = owner % 2 == 0;
            String room = "1-1-" + (101 + owner);
            String key = UUID.randomUUID().toString();
            Reply reply = api.postJson("/api/v1/tickets", "integrator", complaint
                    ? LifecycleScenario.complaintBody(room, COMPLAINT) : LifecycleScenario.repairBody(room, REPAIR),
                    "Idempotency-Key", key);
            return new Filing(complaint, room, key, reply);
        });
        daysOfTheFirstTickets = List.of(before, LocalDate.now(zone));
    }

    /** Where this test's answers begin (the first tickets' answers are the first test's to check). */
    private int firstAnswer;

    @BeforeEach
    void markAnswers() {
        firstAnswer = api.count();
    }

    @AfterEach
    void noServerErrors() {
        assertThat(api.serverErrorsSince(firstAnswer)).as("answers with a 5xx status").isEmpty();
    }

    @Test
    void theFirstTicketsOfAFreshDayGetDistinctNumbersAndNoErrors() {
        assertThat(countersBeforeTheFirstTickets).as("a fresh database: no ticket numbered yet").isZero();
        assertThat(firstTickets).extracting(filing -> filing.reply().status()).as(firstTickets.toString())
                .containsOnly(201);
        List<String> numbers = firstTickets.stream().map(Filing::ticketNo).toList();
        assertThat(numbers).doesNotHaveDuplicates();
        for (String prefix : List.of("C", "R")) {
            List<String> ofType = numbers.stream().filter(no -> no.startsWith(prefix + "-")).toList();
            assertThat(ofType).hasSize(OWNERS / 2);
            assertThat(ofType).allSatisfy(no -> assertThat(no).matches(prefix + "-\\d{8}-\\d{4}"));
            assertThat(daysOfTheFirstTickets.stream().map(day -> day.format(DateTimeFormatter.BASIC_ISO_DATE)))
                    .as("the day in the service centre's zone").contains(ofType.get(0).substring(2, 10));
            // no request failed, so no number was lost: exactly the first eight of the day
            assertThat(ofType.stream().map(no -> Integer.parseInt(no.substring(11))))
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, OWNERS / 2).boxed().toList());
        }
    }

    @Test
    void sixteenOwnersTicketsAreWalkedToArchiveAtTheSameTime() {
        List<JsonNode> archived = Race.run(OWNERS, RACE_SECONDS, owner -> {
            Filing filing = firstTickets.get(owner);
            assertThat(filing.reply().status()).as(filing.reply().raw()).isEqualTo(201);
            Reply retried = api.postJson("/api/v1/tickets", "integrator", filing.complaint()
                    ? LifecycleScenario.complaintBody(filing.room(), COMPLAINT)
                    : LifecycleScenario.repairBody(filing.room(), REPAIR), "Idempotency-Key", filing.key());
            assertThat(retried.status()).as(retried.raw()).isEqualTo(201);
            assertThat(retried.json().get("ticketNo").asText()).isEqualTo(filing.ticketNo());
            return filing.complaint() ? scenario.walkComplaintToArchive(filing.ticketNo(), filing.room())
                    : scenario.walkRepairToArchive(filing.ticketNo());
        });

        for (int owner = 0; owner < OWNERS; owner++) {
            JsonNode ticket = archived.get(owner);
            if (firstTickets.get(owner).complaint()) {
                LifecycleScenario.assertComplaintArchivedWithItsTimeline(ticket);
            } else {
                LifecycleScenario.assertRepairArchivedWithItsTimeline(ticket);
            }
            assertProcessesEnded(ticket.get("ticketNo").asText());
        }
    }

    @Test
    void tenStaffClaimingOneTaskThenTenCompletingItOverTheEngineRestApi() {
        String no = fileComplaint("2-1-101");
        String task = scenario.awaitTask(no, "dispatch", "engineer", "&candidateGroup=engineering").get("id")
                .asText();

        List<Reply> claims = Race.run(STAFF, RACE_SECONDS, racer -> api.postJson("/engine-rest/task/" + task
                + "/claim", staff(racer), Map.of("userId", staff(racer))));

        String claimer = staff(theOneWinner(claims, 204));
        assertEngineConflicts(claims, 204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee())
                .isEqualTo(claimer);

        List<Reply> completions = Race.run(STAFF, RACE_SECONDS, racer -> api.postJson("/engine-rest/task/" + task
                + "/submit-form", staff(racer), dispatchForm()));

        String completer = staff(theOneWinner(completions, 204));
        assertEngineConflicts(completions, 204);
        assertOneEntryPerStageSoFar(no, "DISPATCHED", completer);
        walkComplaintOnFromHandle(no, completer);
    }

    @Test
    void tasklistDoubleClicksOnClaimAndCompleteGetAReadableAnswer() {
        String no = fileComplaint("2-1-103");
        String task = scenario.awaitTask(no, "dispatch", "engineer", "&candidateGroup=engineering").get("id")
                .asText();
        List<WebappSession> tasklists = IntStream.range(0, STAFF).mapToObj(racer -> {
            WebappSession session = WebappSession.login(port, staff(racer), "demo", "tasklist");
            assertThat(session.login().status()).as(session.login().raw()).isEqualTo(200);
            return session;
        }).toList();

        List<Reply> claims = Race.run(STAFF, RACE_SECONDS, racer -> api.record("POST", "webapp claim",
                tasklists.get(racer).postEngine("/task/" + task + "/claim",
                        ApiClient.toJson(Map.of("userId", staff(racer))))));
        String claimer = staff(theOneWinner(claims, 204));
        assertEngineConflicts(claims, 204);
        assertThat(claims.stream().filter(reply -> reply.status() != 204 && reply.json().get("type").asText()
                .equals("TaskAlreadyClaimedException"))).as("those who came after the claim learn who has it")
                .allSatisfy(lost -> assertThat(lost.json().get("message").asText()).contains(claimer));

        List<Reply> completions = Race.run(STAFF, RACE_SECONDS, racer -> api.record("POST", "webapp submit-form",
                tasklists.get(racer).postEngine("/task/" + task + "/submit-form", ApiClient.toJson(dispatchForm()))));
        String completer = staff(theOneWinner(completions, 204));
        assertEngineConflicts(completions, 204);
        assertOneEntryPerStageSoFar(no, "DISPATCHED", completer);
        walkComplaintOnFromHandle(no, completer);
    }

    @Test
    void tenTapsOfTheOwnersAppAcceptingOneRepair() {
        Reply filed = api.postJson("/api/v1/tickets", "integrator",
                LifecycleScenario.repairBody("3-1-101", REPAIR));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        String no = filed.json().get("ticketNo").asText();
        String appointment = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(1).withHour(10).withMinute(0)
                .withSecond(0).withNano(0).toString();
        scenario.work(no, "dispatch", "engineer", ApiClient.variables("handler", "engineer2", "appointmentAt",
                appointment));
        scenario.work(no, "handle", "engineer2", ApiClient.variables("actionTaken", "更换水龙头", "responsibility",
                "OWNER", "partsUsed", "水龙头 × 1\n生料带 × 2", "charge", 80));
        scenario.awaitTask(no, "accept", "cs", "&candidateGroup=customer-service");

        List<Reply> taps = Race.run(STAFF, RACE_SECONDS, tap -> api.postJson("/api/v1/tickets/" + no + "/feedback",
                "integrator", Map.of("accepted", true, "rating", 5, "comment", "师傅很专业")));

        Reply accepted = taps.get(theOneWinner(taps, 200));
        assertThat(accepted.json().get("status").asText()).isEqualTo("CALLBACK");
        assertThat(taps.stream().filter(reply -> reply.status() != 200)).allSatisfy(lost -> {
            assertThat(lost.status()).as(lost.raw()).isEqualTo(409);
            assertThat(lost.contentType()).startsWith("application/problem+json");
            assertThat(lost.json().get("type").asText()).startsWith("urn:propertydesk:problem:");
            assertThat(lost.json().get("detail").asText()).isNotBlank().doesNotContain("ENGINE-")
                    .doesNotContain("Exception");
        });
        scenario.work(no, "callback", "cs", ApiClient.variables("ownerReached", "true", "satisfaction",
                "SATISFIED"));
        JsonNode ticket = api.get("/api/v1/tickets/" + no, "integrator").json();
        LifecycleScenario.assertRepairArchivedWithItsTimeline(ticket);
        assertProcessesEnded(no);
    }

    // -- the people and the steps

    /** Ten engineering staff of their own, so that each contender is somebody else. */
    private void createStaff() {
        IdentityService identity = engine.getIdentityService();
        for (int racer = 0; racer < STAFF; racer++) {
            User user = identity.newUser(staff(racer));
            user.setFirstName("工程" + racer);
            user.setLastName("测试");
            user.setPassword("demo");
            identity.saveUser(user);
            identity.createMembership(user.getId(), "engineering");
        }
    }

    private static String staff(int racer) {
        return "racer" + racer;
    }

    private static Map<String, Object> dispatchForm() {
        return ApiClient.variables("handler", "engineer2", "dispatchNote", "今天上门");
    }

    private String fileComplaint(String room) {
        Reply filed = api.postJson("/api/v1/tickets", "integrator", LifecycleScenario.complaintBody(room, COMPLAINT));
        assertThat(filed.status()).as(filed.raw()).isEqualTo(201);
        return filed.json().get("ticketNo").asText();
    }

    private void walkComplaintOnFromHandle(String no, String dispatcher) {
        scenario.work(no, "handle", "engineer2", ApiClient.variables("actionTaken", "更换防水层", "responsibility",
                "PROPERTY"));
        scenario.work(no, "verify", "engineer", ApiClient.variables("verified", "true", "verifyNote", "已不漏"));
        scenario.work(no, "callback", "cs", ApiClient.variables("ownerReached", "true", "satisfaction",
                "SATISFIED"));
        JsonNode ticket = api.get("/api/v1/tickets/" + no, "integrator").json();
        assertThat(ticket.get("status").asText()).isEqualTo("ARCHIVED");
        assertThat(ticket.get("resolution").asText()).isEqualTo("RESOLVED");
        assertThat(stages(ticket)).containsExactlyElementsOf(COMPLAINT_STAGES);
        assertThat(actors(ticket)).containsExactly("integrator", "system", "system", "system", dispatcher,
                "engineer2", "engineer", "cs", "system");
        assertProcessesEnded(no);
    }

    // -- what the races must leave behind

    /** Exactly one contender got the winning status; returns its index. */
    private static int theOneWinner(List<Reply> replies, int winning) {
        List<Integer> winners = IntStream.range(0, replies.size()).filter(i -> replies.get(i).status() == winning)
                .boxed().toList();
        assertThat(winners).as("winners of %s", replies).hasSize(1);
        return winners.get(0);
    }

    /** Every loser of an engine API race: 409 (or 404, the task gone) in the engine's format, a reason in Chinese. */
    private static void assertEngineConflicts(List<Reply> replies, int winning) {
        assertThat(replies.stream().filter(reply -> reply.status() != winning)).allSatisfy(lost -> {
            assertThat(lost.status()).as(lost.raw()).isIn(409, 404);
            assertThat(lost.json()).as(lost.raw()).isNotNull();
            assertThat(lost.json().get("type").asText()).isIn("TaskAlreadyClaimedException",
                    "OptimisticLockingException", "InvalidRequestException");
            assertThat(lost.json().get("message").asText()).as(lost.raw()).containsPattern("\\p{IsHan}")
                    .doesNotContain("ENGINE-").doesNotContain("Exception").doesNotContain("SQL");
        });
    }

    /** The ticket right after a race on a stage: that stage recorded once, by the winner, and nothing after it. */
    private void assertOneEntryPerStageSoFar(String no, String stage, String actor) {
        JsonNode ticket = api.get("/api/v1/tickets/" + no, "integrator").json();
        List<String> stages = stages(ticket);
        assertThat(stages).containsExactlyElementsOf(COMPLAINT_STAGES.subList(0, COMPLAINT_STAGES.indexOf(stage) + 1));
        assertThat(actors(ticket).get(stages.indexOf(stage))).isEqualTo(actor);
        assertThat(ticket.get("status").asText()).as("the ticket follows the process").isEqualTo("IN_PROGRESS");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(no).taskDefinitionKey("handle")
                .singleResult().getAssignee()).isEqualTo("engineer2");
    }

    /**
     * Once the ticket reads ARCHIVED, every process instance of the ticket (its own and those it called) has
     * ended, the main one completed: the archive and the end commit together.
     */
    private void assertProcessesEnded(String no) {
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(no).count())
                .as("running processes of archived %s", no).isZero();
        List<HistoricProcessInstance> history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(no).list();
        assertThat(history).isNotEmpty().allSatisfy(instance -> assertThat(instance.getEndTime()).isNotNull());
        assertThat(history).filteredOn(instance -> List.of("complaint", "repair")
                .contains(instance.getProcessDefinitionKey())).singleElement()
                .extracting(HistoricProcessInstance::getState).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
    }

    private static List<String> stages(JsonNode ticket) {
        List<String> stages = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> stages.add(entry.get("stage").asText()));
        return stages;
    }

    private static List<String> actors(JsonNode ticket) {
        List<String> actors = new ArrayList<>();
        ticket.get("timeline").forEach(entry -> actors.add(entry.get("actor").asText()));
        return actors;
    }
}
