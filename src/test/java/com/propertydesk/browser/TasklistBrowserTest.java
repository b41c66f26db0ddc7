package com.propertydesk.browser;

import static com.propertydesk.support.LifecycleScenario.complaintBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.propertydesk.report.KpiFacts;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.KpiFixture;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tasklist in a real browser (Debian's chromium and chromedriver): an engineer finds the dispatch task of a new
 * ENGINEERING complaint under 部门待认领, claims it, fills and submits its Camunda Form and then sees the handle
 * task, with the owner's photo as a link that opens without logging in again; a cleaner never sees it. The manager
 * starts the quarterly complaint analysis and the general manager approves one. A screenshot of each failure goes to
 * target/browser-screenshots/.
 */
class TasklistBrowserTest extends SpringTestBase {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    static final String PHOTO = "漏水照片.png";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    KpiFacts facts;

    WebDriver browser;
    WebDriverWait wait;
    String ticketNo;

    @BeforeEach
    void fileAComplaint() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            fail("The browser test needs Debian's chromium and chromedriver: apt-get install chromium "
                    + "chromium-driver (.ci/run installs them)");
        }
        ApiClient api = new ApiClient(port);
        ticketNo = api.postJson("/api/v1/tickets", "integrator",
                complaintBody(TicketDriver.uniqueRoom(), "卫生间天花板漏水，已经滴到地面")).json().get("ticketNo").asText();
        new LifecycleScenario(api, false).awaitTask(ticketNo, "dispatch", "engineer", "&candidateGroup=engineering");
        byte[] photo = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        assertThat(api.postFile("/api/v1/tickets/" + ticketNo + "/attachments", "integrator", "file", PHOTO,
                "image/png", photo).status()).isEqualTo(201);
    }

    /** A new browser (no cookies, no storage) for one person. */
    private void openBrowser() {
        closeBrowser();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--lang=zh-CN");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    @Test
    void anEngineerClaimsAndDispatchesTheComplaintInTasklistAndACleanerNeverSeesIt() throws Exception {
        try {
            logIn("cleaner");
            openFilter("部门待认领");
            openFilter("我的待办");
            assertThat(taskNames()).as("the cleaner's Tasklist").noneMatch(name -> name.contains(ticketNo));

            logIn("engineer");
            openFilter("部门待认领");
            WebElement task = wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                    "//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[contains(normalize-space(.),'"
                            + ticketNo + "')]")));
            assertThat(task.getText()).startsWith("派单 · " + ticketNo);
            press(task);
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
            WebElement note = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("textarea[id*='-Field_dispatchNote_']")));
            assertThat(browser.findElement(By.cssSelector("input[id*='-Field_ticketNo_']")).getDomProperty("value"))
                    .isEqualTo(ticketNo);
            // the owner's photo is a link on the form, and opens in the Tasklist session without another login
            WebElement photo = browser.findElement(By.xpath("//a[contains(normalize-space(.),'" + PHOTO + "')]"));
            String photoUrl = photo.getDomProperty("href");
            assertThat(photoUrl).contains("/api/v1/tickets/" + ticketNo + "/attachments/");
            type(note, "今天下午上门查看");
            completeTask();

            openFilter("我的待办");
            wait.until(driver -> taskNames().stream().anyMatch(name -> name.startsWith("处理 · " + ticketNo)));
            String dispatched = new ApiClient(port).get("/api/v1/tickets/" + ticketNo, "cs").json().toString();
            assertThat(dispatched).contains("\"handler\":\"engineer\"", "今天下午上门查看");
            browser.get(photoUrl);
            assertThat(((JavascriptExecutor) browser).executeScript("return document.contentType"))
                    .isEqualTo("image/png");
        } catch (AssertionError | RuntimeException failure) {
            screenshot();
            throw failure;
        }
    }

    /**
     * 总经理审批 in Tasklist: the departments have written their measures for the first quarter of 2004 (the
     * indicator fixture); the general manager finds the approval under 部门待认领, opens the report from the form,
     * approves, and the analysis is archived.
     */
    @Test
    void theGeneralManagerApprovesTheQuarterlyAnalysisInTasklist() throws Exception {
        KpiFixture.insert(jdbc, "BR", 2004);
        facts.requestRebuild();
        ApiClient api = new ApiClient(port);
        ApiClient.Reply started = api.postJson("/api/v1/reports/complaint-analyses", "manager",
                Map.of("year", 2004, "quarter", 1));
        assertThat(started.status()).as(started.raw()).isEqualTo(201);
        long id = started.json().get("id").asLong();
        Map<String, String> members = Map.of("engineering", "engineer", "cleaning", "cleaner", "security", "guard",
                "customer-service", "cs");
        for (Task measures : engine.getTaskService().createTaskQuery().processInstanceBusinessKey("CA-2004-Q1")
                .taskDefinitionKey("correctiveAction").list()) {
            String department = (String) engine.getTaskService().getVariable(measures.getId(), "department");
            String user = members.get(department);
            desk.asUser(user, () -> {
                engine.getTaskService().claim(measures.getId(), user);
                engine.getFormService().submitTaskForm(measures.getId(), Map.of("cause", department + "的原因",
                        "correctiveMeasures", "立即整改", "preventiveMeasures", "每周检查"));
            });
        }
        try {
            logIn("gm");
            openFilter("部门待认领");
            press(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//ol[contains(@class,'tasks-list')]"
                    + "//h4[contains(@class,'task')]/a[contains(normalize-space(.),'2004年第1季度')]"))));
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.claim"))).click();
            WebElement report = wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.xpath("//a[contains(@href,'/report.html')]")));
            String reportUrl = report.getDomProperty("href");
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("engineering的原因", "工程部");
            press(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//label[contains(normalize-space(.),'批准，归档报告')]"))));
            type(browser.findElement(By.cssSelector("textarea[id*='-Field_gmNote_']")), "同意，按期落实");
            completeTask();
            wait.until(driver -> "APPROVED".equals(api.get("/api/v1/reports/complaint-analyses/" + id, "manager")
                    .json().get("status").asText()));

            browser.get(reportUrl);
            assertThat(browser.getTitle()).isEqualTo("用户投诉分析报告（2004年第1季度）");
            assertThat(browser.findElements(By.cssSelector("figure img"))).hasSize(4);
            assertThat(browser.findElement(By.tagName("body")).getText()).contains("第1轮：批准，gm", "同意，按期落实");
        } catch (AssertionError | RuntimeException failure) {
            screenshot();
            throw failure;
        }
    }

    /**
     * 启动流程 in Tasklist: the manager picks 季度投诉分析, sees the link to the preview of the quarter so far, chooses
     * the first quarter of 2005 and starts it; the analysis is there, started by the manager. Only the manager is
     * offered the process.
     */
    @Test
    void theManagerStartsTheQuarterlyAnalysisFromTasklist() throws Exception {
        try {
            // what Tasklist's 启动流程 lists for a person
            String startable = "/engine-rest/process-definition?latestVersion=true&startableInTasklist=true"
                    + "&startablePermissionCheck=true";
            ApiClient api = new ApiClient(port);
            assertThat(api.get(startable, "engineer").json().findValuesAsText("key")).as("the engineer's").isEmpty();
            assertThat(api.get(startable, "manager").json().findValuesAsText("key")).as("the manager's")
                    .containsExactly("complaint-analysis");

            logIn("manager");
            press(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".start-process-action a"))));
            press(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//a[@ng-click='selectProcessDefinition(processDefinition)'][contains(normalize-space(.),'季度投诉分析')]"))));
            WebElement year = wait.until(ExpectedConditions.elementToBeClickable(
                    By.cssSelector("input[id*='-Field_year_']")));
            assertThat(browser.findElement(By.xpath("//a[contains(@href,'/preview/report.html')]"))
                    .getDomProperty("href")).endsWith("/api/v1/reports/complaint-analyses/preview/report.html");
            type(year, "2005");
            // form-js opens a select's list when its input takes the focus; a synthetic click on the select in the
            // modal dialog toggles it open and shut again, so focus it as the keyboard does
            WebElement quarter = browser.findElement(By.cssSelector("input[id*='-Field_quarter_']"));
            ((JavascriptExecutor) browser).executeScript("arguments[0].focus();", quarter);
            press(wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                    "//*[contains(@class,'fjs-dropdownlist-item')][contains(normalize-space(.),'第1季度')]"))));
            Thread.sleep(500);
            press(wait.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("button[ng-click='startProcessInstance()']"))));

            wait.until(driver -> api.get("/api/v1/reports/complaint-analyses", "manager").json()
                    .findValuesAsText("label").contains("2005年第1季度"));
            String url = null;
            for (var analysis : api.get("/api/v1/reports/complaint-analyses", "manager").json()) {
                if (analysis.get("label").asText().equals("2005年第1季度")) {
                    url = analysis.get("url").asText();
                }
            }
            assertThat(api.get(url, "manager").json().get("startedBy").asText()).isEqualTo("manager");
        } catch (AssertionError | RuntimeException failure) {
            screenshot();
            throw failure;
        }
    }

    /**
     * Scrolls the element to the middle of the window, as a person does with a long list or form (the page footer
     * covers the bottom lines), and clicks it.
     */
    private void press(WebElement element) {
        // on a busy machine the form may still be laying out after the scroll, so that another element takes the
        // click: scroll and press again until the element itself receives it
        wait.ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(driver -> {
            ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
            WebElement clickable = ExpectedConditions.elementToBeClickable(element).apply(driver);
            if (clickable == null) {
                return false;
            }
            clickable.click();
            return true;
        });
    }

    /** Types into a form field and leaves it, which hands the value to the form (form-js debounces typing). */
    private void type(WebElement field, String text) throws InterruptedException {
        field.sendKeys(text);
        field.sendKeys(Keys.TAB);
        wait.until(driver -> text.equals(field.getDomProperty("value")));
        Thread.sleep(500);
    }

    /** Presses 完成; notifications may slide over the button, so it is scrolled into view and pressed. */
    private void completeTask() {
        WebElement complete = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("button.btn-primary[ng-click='complete()']")));
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", complete);
    }

    private void logIn(String user) {
        openBrowser();
        browser.get("http://localhost:" + port + "/camunda/app/tasklist/default/");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model='username']")))
                .sendKeys(user);
        browser.findElement(By.cssSelector("input[ng-model='password']")).sendKeys("demo");
        browser.findElement(By.cssSelector("button[type='submit']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("div.task-filter")));
    }

    private void openFilter(String name) {
        // a filter's description shows as a tooltip while the pointer rests on a filter and may cover the next
        // one: move the pointer away first, as a person's hand does
        new Actions(browser).moveToLocation(0, 0).perform();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".tooltip")));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//div[contains(@class,'task-filter')]//a[contains(normalize-space(.),'" + name + "')]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("div.task-filter.active")));
        wait.until(driver -> driver.findElement(By.cssSelector("div.task-filter.active")).getText().contains(name));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("div.loader:not(.ng-hide)")));
    }

    private List<String> taskNames() {
        return browser.findElements(By.cssSelector("ol.tasks-list h4.task a")).stream().map(WebElement::getText)
                .toList();
    }

    private void screenshot() throws IOException {
        Path folder = Path.of("target", "browser-screenshots");
        Files.createDirectories(folder);
        Path file = folder.resolve(getClass().getSimpleName() + "-" + ticketNo + ".png");
        Files.write(file, ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES));
        System.out.println("Screenshot of the failure: " + file.toAbsolutePath());
    }
}
