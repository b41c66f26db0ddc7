package com.propertydesk.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.report.KpiFacts;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.KpiFixture;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import com.propertydesk.ticket.Category;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The quarterly complaint analysis through the engine: the schedule starts it when a quarter has ended (time
 * travel to the timer), a manager starts it over REST or from Tasklist, one corrective-action task per department
 * with complaints, the general manager returns it with a note and then approves it; the report as JSON, HTML with
 * charts and PDF. The first quarter of 2002 holds the indicator fixture (KpiFixture), so its figures are known.
 */
class ComplaintAnalysisProcessTest extends SpringTestBase {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Who works a department's task in the demo data. */
    static final Map<String, String> MEMBER = Map.of("engineering", "engineer", "cleaning", "cleaner",
            "security", "guard", "customer-service", "cs");
    static final String ANALYSES = "/api/v1/reports/complaint-analyses";
    private static boolean fixtures;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KpiFacts facts;
    @Autowired
    ComplaintAnalysisSchedule schedule;
    @Autowired
    ComplaintAnalysisRepository analyses;

    ApiClient api;

    @BeforeEach
    void fixtures() {
        api = new ApiClient(port);
        if (!fixtures) {
            KpiFixture.insert(jdbc, "CA", 2002);
            // 2003 Q2: complaints whose descriptions and rooms the topics and repeat rooms count
            complaint("CA-T1", "1-101", "楼上装修噪音很吵", "2003-04-02T10:00");
            complaint("CA-T2", "1-101", "电梯停运，电梯困人", "2003-04-20T10:00");
            complaint("CA-T3", "1-101", "楼上又有噪音", "2003-05-06T10:00");
            complaint("CA-T4", "2-202", "电梯门夹人", "2003-05-07T10:00");
            complaint("CA-T5", "2-202", "垃圾堆放有异味", "2003-06-01T10:00");
            complaint("CA-T6", "3-303", "电梯按钮失灵", "2003-06-30T23:00");
            complaint("CA-T7", "1-101", "7月的投诉不算在第二季度", "2003-07-01T00:30");
            // 电梯困人 was reported to the manager as a major complaint (重大投诉)
            jdbc.update("UPDATE ticket SET major = TRUE WHERE ticket_no IN ('CA-T2', 'CA-T7')");
            facts.requestRebuild();
            fixtures = true;
        }
    }

    private void complaint(String no, String room, String description, String at) {
        KpiFixture.insertComplaint(jdbc, no, room, description, "OTHER", "customer-service", LocalDateTime.parse(at));
    }

    @Test
    void theScheduleStartsTheAnalysisOfTheQuarterThatHasJustEnded() {
        now("2026-12-01T10:00");
        String no = desk.file(TicketDriver.complaint(TicketDriver.uniqueRoom(), "小区草坪没人修剪",
                Category.CLEANING_GREENING));
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey(
                "complaint-analysis-schedule").timers().singleResult();
        assertThat(timer).as("the waiting quarterly timer").isNotNull();
        assertThat(timer.getDuedate()).isEqualTo(schedule.next());
        assertThat(LocalDate.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault()))
                .isEqualTo(LocalDate.of(2027, 1, 1));

        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(timer.getId());

        ProcessInstance analysis = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("CA-2026-Q4").singleResult();
        assertThat(analysis).as("the fourth quarter of 2026 is analysed").isNotNull();
        long id = ((Number) engine.getRuntimeService().getVariable(analysis.getId(), "analysisId")).longValue();
        JsonNode report = api.get(ANALYSES + "/" + id, "manager").json();
        assertThat(report.get("startedBy").asText()).isEqualTo("system");
        List<String> departments = report.at("/report/departments").findValuesAsText("department");
        assertThat(departments).contains("cleaning");
        assertThat(candidateGroupsOfOpenMeasures(analysis.getId())).as("one task per department with complaints")
                .containsExactlyInAnyOrderElementsOf(departments);

        Job next = engine.getManagementService().createJobQuery()
                .processDefinitionKey("complaint-analysis-schedule").timers().singleResult();
        assertThat(LocalDate.ofInstant(next.getDuedate().toInstant(), ZoneId.systemDefault()))
                .as("and the timer waits for the next quarter").isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(desk.ticket(no).department()).isEqualTo("cleaning");
        ProcessInstance scheduled = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey("complaint-analysis-schedule").singleResult();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(scheduled.getId())
                .singleResult().getId()).as("called by the schedule").isEqualTo(analysis.getId());
        engine.getRuntimeService().deleteProcessInstance(scheduled.getId(), "test done");
    }

    @Test
    void departmentsWriteMeasuresTheGeneralManagerReturnsThemAndThenApproves() throws Exception {
        ApiClient.Reply started = api.postJson(ANALYSES, "manager", Map.of("year", 2002, "quarter", 1));
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        JsonNode analysis = started.json();
        long id = analysis.get("id").asLong();
        assertThat(started.header("Location")).endsWith(ANALYSES + "/" + id);
        assertThat(analysis.get("status").asText()).isEqualTo("MEASURES");
        assertThat(analysis.get("startedBy").asText()).isEqualTo("manager");
        assertFixtureFigures(analysis.get("report"));

        assertThat(api.postJson(ANALYSES, "manager", Map.of("year", 2002, "quarter", 1)).status())
                .as("one analysis per quarter").isEqualTo(409);

        String instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("CA-2002-Q1").singleResult().getId();
        assertThat(candidateGroupsOfOpenMeasures(instance))
                .containsExactlyInAnyOrder("engineering", "cleaning", "security", "customer-service");
        Task engineering = measuresOf(instance, "engineering");
        assertThat(engineering.getName()).isEqualTo("纠正和预防措施 · 2002年第1季度 · 工程部");
        assertThat(engineering.getDueDate()).isNotNull();
        assertThat(engine.getTaskService().getVariableLocal(engineering.getId(), "reportLink")).asString()
                .contains(ANALYSES + "/" + id + "/report.html");
        assertThat(engine.getTaskService().getVariableLocal(engineering.getId(), "departmentSummary")).asString()
                .contains("**20** 件", "受理及时率 80.0%");

        for (String department : MEMBER.keySet()) {
            completeMeasures(instance, department, department + "：原因第一轮", "纠正第一轮", "预防第一轮");
        }
        Task approval = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("gmApproval").singleResult();
        assertThat(approval.getName()).isEqualTo("总经理审批 · 2002年第1季度投诉分析报告");
        assertThat(engine.getTaskService().getVariableLocal(approval.getId(), "measuresSummary")).asString()
                .contains("工程部", "engineering：原因第一轮", "保洁绿化");
        assertThat(status(id)).isEqualTo("AWAITING_APPROVAL");

        assertThatThrownBy(() -> completeAs("gm", approval, Map.of("approved", false)))
                .as("a return needs a note").hasMessageContaining("退回时请填写审批意见");
        // as Tasklist's radio buttons send it: the text "false"
        completeAs("gm", approval, Map.of("approved", "false", "gmNote", "请补充整改时间表"));

        assertThat(status(id)).isEqualTo("MEASURES");
        assertThat(candidateGroupsOfOpenMeasures(instance)).as("back to every department").hasSize(4);
        Task returned = measuresOf(instance, "engineering");
        assertThat(engine.getTaskService().getVariable(returned.getId(), "cause")).as("opens filled in")
                .isEqualTo("engineering：原因第一轮");
        assertThat(engine.getTaskService().getVariableLocal(returned.getId(), "gmNote")).isEqualTo("请补充整改时间表");

        for (String department : MEMBER.keySet()) {
            completeMeasures(instance, department, department + "：原因第二轮", "纠正第二轮，12月底前完成", "预防第二轮");
        }
        Task second = engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("gmApproval").singleResult();
        assertThat(engine.getTaskService().getVariable(second.getId(), "approved"))
                .as("the last round's decision is not this one's").isNull();
        completeAs("gm", second, Map.of("approved", true, "gmNote", "同意"));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
                .as("archived: the process has ended").isZero();
        JsonNode archived = api.get(ANALYSES + "/" + id, "gm").json();
        assertThat(archived.get("status").asText()).isEqualTo("APPROVED");
        assertThat(archived.get("approvedBy").asText()).isEqualTo("gm");
        assertThat(archived.get("round").asInt()).isEqualTo(2);
        assertThat(archived.get("measures")).hasSize(8);
        assertThat(archived.get("measures").get(0).get("completeBy").asText()).isEqualTo("2002-06-30");
        assertThat(archived.get("reviews").findValuesAsText("approved")).containsExactly("false", "true");
        assertThat(archived.get("reviews").get(0).get("note").asText()).isEqualTo("请补充整改时间表");

        assertReadable(id);
        assertHtmlWithCharts(id);
        assertPdf(id);
    }

    @Test
    void aManagerStartsItFromTasklistWithTheTopicsAndRepeatRoomsOfTheQuarter() {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("complaint-analysis").latestVersion().singleResult().getId();
        assertThatThrownBy(() -> desk.asUser("engineer", () -> engine.getFormService().submitStartForm(definition,
                Map.of("year", 2003L, "quarter", "2")))).as("only the manager starts it")
                .isInstanceOf(AuthorizationException.class);

        desk.asUser("manager", () -> engine.getFormService().submitStartForm(definition,
                Map.of("year", 2003L, "quarter", "2")));

        ComplaintAnalysis analysis = analyses.findByQuarter(new Quarter(2003, 2)).orElseThrow();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("CA-2003-Q2")
                .singleResult().getId()).isEqualTo(analysis.getProcessInstanceId());
        assertThat(analysis.getStartedBy()).isEqualTo("manager");
        JsonNode report = api.get(ANALYSES + "/" + analysis.getId(), "manager").json().get("report");
        assertThat(report.get("complaints").asLong()).as("1 July is the next quarter").isEqualTo(6);
        assertThat(report.get("major").asLong()).as("CA-T2; CA-T7 is July's").isEqualTo(1);
        JsonNode topics = report.get("topTopics");
        assertThat(topics.findValuesAsText("topic")).containsExactly("电梯问题", "噪音扰民", "邻里纠纷", "环境卫生");
        assertThat(topics.findValuesAsText("complaints")).containsExactly("3", "2", "2", "1");
        JsonNode rooms = report.get("repeatRooms");
        assertThat(rooms.findValuesAsText("room")).containsExactly("1-101", "2-202");
        assertThat(rooms.findValuesAsText("complaints")).containsExactly("3", "2");
        assertThat(rooms.get(0).get("categories").get(0).asText()).isEqualTo("其他");

        assertThatThrownBy(() -> desk.asUser("manager", () -> engine.getFormService().submitStartForm(definition,
                Map.of("year", 2003L, "quarter", "2")))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("2003年第2季度的投诉分析已经存在");
        assertThatThrownBy(() -> desk.asUser("manager", () -> engine.getFormService().submitStartForm(definition,
                Map.of("year", 2099L, "quarter", "1")))).isInstanceOf(BadUserRequestException.class)
                .hasMessageContaining("has not ended");
        engine.getRuntimeService().deleteProcessInstance(analysis.getProcessInstanceId(), "test done");
    }

    @Test
    void aReaderPreviewsTheQuarterSoFarWithoutStartingAnything() throws Exception {
        now("2003-05-10T12:00");
        long stored = analyses.count();
        long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(
                "complaint-analysis").count();

        ApiClient.Reply current = api.get(ANALYSES + "/preview", "manager");
        assertThat(current.status()).as(current.raw()).isEqualTo(200);
        assertThat(current.json().get("label").asText()).as("by default the current quarter")
                .isEqualTo("2003年第2季度");
        assertThat(current.json().get("complaints").asLong()).isEqualTo(6);
        assertThat(api.get(ANALYSES + "/preview?year=2002&quarter=1", "cs").json().get("complaints").asLong())
                .as("an earlier quarter").isEqualTo(50);

        ApiClient.Download page = api.download(ANALYSES + "/preview/report.html", "gm");
        assertThat(page.status()).isEqualTo(200);
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains("用户投诉分析报告（2003年第2季度）", "预览（未经审批）",
                "2003-04-01 至 2003-05-10（季度尚未结束）", "preview/report.pdf?year=2003&amp;quarter=2");
        assertThat(Pattern.compile("data:image/png;base64,").matcher(html).results().count()).isEqualTo(4);
        ApiClient.Download pdf = api.download(ANALYSES + "/preview/report.pdf?year=2003&quarter=2", "manager");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Disposition")).contains("attachment", ".pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(new PDFTextStripper().getText(document)).contains("预览（未经审批）");
        }

        assertThat(analyses.count()).as("nothing stored").isEqualTo(stored);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("complaint-analysis")
                .count()).as("nothing started").isEqualTo(running);

        assertThat(api.get(ANALYSES + "/preview", "engineer").status()).isEqualTo(403);
        ApiClient.Reply coming = api.get(ANALYSES + "/preview?year=2003&quarter=3", "manager");
        assertThat(coming.status()).isEqualTo(400);
        assertThat(coming.json().at("/errors/0/field").asText()).isEqualTo("quarter");
        assertThat(coming.json().get("detail").asText()).contains("still to come");
        ApiClient.Reply word = api.get(ANALYSES + "/preview?year=soon&quarter=3", "manager");
        assertThat(word.status()).isEqualTo(400);
        assertThat(word.json().at("/errors/0/field").asText()).isEqualTo("year");
    }

    @Test
    void badRequestsNameTheField() {
        assertThat(api.postJson(ANALYSES, "engineer", Map.of("year", 2002, "quarter", 2)).status()).isEqualTo(403);
        assertThat(api.postJson(ANALYSES, null, Map.of()).status()).isEqualTo(401);
        ApiClient.Reply quarter = api.postJson(ANALYSES, "manager", Map.of("year", 2002, "quarter", 5));
        assertThat(quarter.status()).isEqualTo(400);
        assertThat(quarter.json().at("/errors/0/field").asText()).isEqualTo("quarter");
        ApiClient.Reply onlyYear = api.postJson(ANALYSES, "manager", Map.of("year", 2002));
        assertThat(onlyYear.json().at("/errors/0/field").asText()).isEqualTo("quarter");
        ApiClient.Reply future = api.postJson(ANALYSES, "manager", Map.of("year", 2099, "quarter", 1));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("detail").asText()).contains("has not ended");
        assertThat(api.postJson(ANALYSES, "manager", "{\"year\": \"soon\"}").json().at("/errors/0/field").asText())
                .isEqualTo("year");
        assertThat(api.get(ANALYSES + "/999999", "manager").status()).isEqualTo(404);
    }

    /** The fixture's complaints in January 2002, worked out by hand in KpiFixture. */
    private static void assertFixtureFigures(JsonNode report) {
        assertThat(report.get("label").asText()).isEqualTo("2002年第1季度");
        // groups A to D are complaints (50), E are repairs; the two decoys of 31 December are the quarter before
        assertThat(report.get("complaints").asLong()).isEqualTo(50);
        assertThat(report.get("previousComplaints").asLong()).isEqualTo(2);
        assertThat(report.get("byCategory").findValuesAsText("key"))
                .containsExactly("ENGINEERING", "CLEANING_GREENING", "CUSTOMER_SERVICE", "SECURITY_ORDER");
        assertThat(report.get("byCategory").get(0).get("count").asLong()).isEqualTo(20);
        assertThat(report.get("byCategory").get(0).get("previous").asLong()).isEqualTo(2);
        assertThat(report.get("byCategory").get(0).get("label").asText()).isEqualTo("工程维修");
        // A: 16 of 20 dispatched on time; archived 18, of which 15 answered and 13 (12 S + 1 BS) satisfied
        JsonNode engineering = report.get("departments").get(0);
        assertThat(engineering.get("department").asText()).isEqualTo("engineering");
        assertThat(engineering.get("responseOnTimeRate").asDouble()).isEqualTo(0.8);
        assertThat(engineering.get("satisfactionRate").asDouble()).isCloseTo(0.8667, within(0.0001));
        // escalated: A #16-19, C #5-7, D #0-1 = 9 of 50; highest level 1: A×4 + C#6, level 2: C#5 + D×2, level 3: C#7
        assertThat(report.at("/indicators/escalationRate/value").asDouble()).isEqualTo(0.18);
        assertThat(report.get("escalations").findValuesAsText("count")).containsExactly("5", "3", "1");
        // archived complaints: S 12+10+2 = 24, BS 1+2+5 = 8, U 2+2+5 = 9, no answer A #15-17 + C #4-5 = 5
        JsonNode satisfaction = report.get("satisfaction");
        assertThat(List.of(satisfaction.get("satisfied").asLong(), satisfaction.get("basicallySatisfied").asLong(),
                satisfaction.get("unsatisfied").asLong(), satisfaction.get("notReached").asLong()))
                .containsExactly(24L, 8L, 9L, 5L);
        assertThat(report.get("trend")).hasSize(12);
        assertThat(report.get("trend").get(9).get("month").asText()).isEqualTo("2002-01");
        assertThat(report.get("trend").get(9).get("total").asLong()).isEqualTo(50);
        assertThat(report.get("trend").get(8).get("total").asLong()).isEqualTo(2);
        assertThat(report.get("major").asLong()).isZero();
    }

    private void assertReadable(long id) {
        for (String reader : List.of("manager", "gm", "cs", "admin", "engineer", "cleaner", "guard")) {
            assertThat(api.get(ANALYSES + "/" + id, reader).status()).as(reader).isEqualTo(200);
        }
        assertThat(api.get(ANALYSES + "/" + id, "integrator").status()).isEqualTo(404);
        assertThat(api.get(ANALYSES + "/" + id, "frontdesk").status()).isEqualTo(404);
        assertThat(api.get(ANALYSES, "manager").json().findValuesAsText("id")).contains(String.valueOf(id));
        assertThat(api.get(ANALYSES, "integrator").json()).isEmpty();
    }

    private void assertHtmlWithCharts(long id) throws Exception {
        ApiClient.Download page = api.download(ANALYSES + "/" + id + "/report.html", "gm");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        String html = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        keep("report.html", page.body());
        assertThat(html).contains("用户投诉分析报告（2002年第1季度）", "一、总体情况", "十、纠正和预防措施",
                "engineering：原因第二轮", "纠正第二轮，12月底前完成", "第2轮：批准", "请补充整改时间表", "受理及时率");
        Matcher images = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(html);
        int charts = 0;
        while (images.find()) {
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(images.group(1))));
            assertThat(chart.getWidth()).isEqualTo(900);
            assertThat(chart.getHeight()).isEqualTo(420);
            charts++;
        }
        assertThat(charts).as("trend, categories, departments, satisfaction").isEqualTo(4);
    }

    private void assertPdf(long id) throws Exception {
        ApiClient.Download pdf = api.download(ANALYSES + "/" + id + "/report.pdf", "manager");
        assertThat(pdf.status()).as(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition")).contains("attachment", ".pdf");
        keep("report.pdf", pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(2);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("用户投诉分析报告", "2002年第1季度", "纠正和预防措施", "engineering：原因第二轮",
                    "第 1 页 / 共");
        }
    }

    /** The report as the test produced it, for a person to look at: target/complaint-analysis/. */
    private static void keep(String name, byte[] content) throws java.io.IOException {
        java.nio.file.Path folder = java.nio.file.Path.of("target", "complaint-analysis");
        java.nio.file.Files.createDirectories(folder);
        java.nio.file.Files.write(folder.resolve(name), content);
    }

    private void completeMeasures(String instance, String department, String cause, String corrective,
            String preventive) {
        completeAs(MEMBER.get(department), measuresOf(instance, department), Map.of("cause", cause,
                "correctiveMeasures", corrective, "preventiveMeasures", preventive, "responsible", "部门负责人",
                "completeBy", "2002-06-30"));
    }

    private void completeAs(String user, Task task, Map<String, Object> values) {
        desk.asUser(user, () -> {
            engine.getTaskService().claim(task.getId(), user);
            engine.getFormService().submitTaskForm(task.getId(), values);
        });
    }

    private Task measuresOf(String instance, String department) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("correctiveAction").taskCandidateGroup(department).singleResult();
    }

    private List<String> candidateGroupsOfOpenMeasures(String instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey("correctiveAction").list().stream()
                .flatMap(task -> engine.getTaskService().getIdentityLinksForTask(task.getId()).stream())
                .filter(link -> link.getGroupId() != null).map(IdentityLink::getGroupId).toList();
    }

    private String status(long id) {
        return api.get(ANALYSES + "/" + id, "manager").json().get("status").asText();
    }

    private static void now(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
    }
}
