package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.AppNode;
import com.propertydesk.support.ApiClient.Reply;
import com.propertydesk.support.LifecycleScenario;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fat jar as operators run it (`java -jar`), on its embedded H2 default with demo data: resource names differ
 * from the IDE's, and forms are only deployed if the deployment pattern names them.
 */
class PackagedJarSmokeIT {

    private static AppNode app;
    private static ApiClient api;

    @BeforeAll
    static void startTheJar() throws IOException {
        app = AppNode.start("smoke");
        api = app.api();
    }

    @AfterAll
    static void stopTheJar() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void deploysProcessesDecisionsAndFormsTogether() {
        JsonNode deployments = api.get("/engine-rest/deployment?sortBy=deploymentTime&sortOrder=asc", "admin")
                .json();
        assertThat(deployments).extracting(deployment -> deployment.get("name").asText())
                .containsExactly("SpringAutoDeployment", "complaint-work-departments", "repair-work-departments");
        assertThat(resources(deployments.get(0))).containsExactlyInAnyOrderElementsOf(filesIn("processes", "forms"));
        // each department's work process, made from its template, with the forms its tasks reference
        for (int i = 1; i <= 2; i++) {
            String template = deployments.get(i).get("name").asText().replace("-departments", "");
            List<String> expected = new ArrayList<>(filesIn("forms"));
            for (String department : List.of("engineering", "cleaning", "security", "customer-service")) {
                expected.add(template + "-" + department + ".bpmn");
            }
            assertThat(resources(deployments.get(i))).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static List<String> resources(JsonNode deployment) {
        List<String> names = new ArrayList<>();
        api.get("/engine-rest/deployment/" + deployment.get("id").asText() + "/resources", "admin").json()
                .forEach(resource -> names.add(new File(resource.get("name").asText()).getName()));
        return names;
    }

    @Test
    void stopsCleanlyOnSigterm() throws Exception {
        AppNode stopped = AppNode.start("sigterm");
        assertThat(stopped.api().get("/actuator/health", null).status()).isEqualTo(200);
        stopped.stop();

        try {
            assertThat(Files.readString(stopped.log())).as("the database stays open until the application has stopped")
                    .contains("Graceful shutdown complete")
                    .doesNotContain("Database is already closed", "Failed to release JPA EntityManager",
                            "Invocation of destroy method failed");
        } finally {
            stopped.close();
        }
    }

    @Test
    void outsideDemoModeItWillNotStartWithoutAnAdministrator() throws Exception {
        Path directory = Files.createTempDirectory(app.directory(), "no-admin");
        Path log = directory.resolve("app.log");
        Process refused = AppNode.launch(directory, List.of("--server.port=0", "--propertydesk.demo.enabled=false",
                "--spring.datasource.url=jdbc:h2:mem:no-admin"));
        boolean exited = refused.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        if (!exited) {
            refused.destroyForcibly();
        }

        assertThat(exited).as("start-up stops").isTrue();
        assertThat(refused.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("APPLICATION FAILED TO START",
                "Set the environment variables PROPERTYDESK_ADMIN_USER and PROPERTYDESK_ADMIN_PASSWORD");
    }

    /** Every model and form of the project: all of them must be in the jar's deployment. */
    private static List<String> filesIn(String... directories) {
        List<String> names = new ArrayList<>();
        for (String directory : directories) {
            File[] files = new File(directory).listFiles();
            assertThat(files).as(directory).isNotEmpty();
            for (File file : files) {
                names.add(file.getName());
            }
        }
        return names;
    }

    @Test
    void servesTasklistAndTheApiAndFilesAComplaintIntoTheEngineeringQueue() {
        assertThat(api.get("/camunda/app/tasklist/default/", null).status()).isEqualTo(200);
        assertThat(api.get("/v3/api-docs", null).status()).isEqualTo(200);
        Reply filed = api.postJson("/api/v1/tickets", "frontdesk",
                LifecycleScenario.complaintBody("1-1-101", "厨房水龙头漏水"));
        assertThat(filed.status()).isEqualTo(201);

        JsonNode dispatch = new LifecycleScenario(api, true).awaitTask(filed.json().get("ticketNo").asText(),
                "dispatch", "engineer", "&candidateGroup=engineering");

        Reply form = api.get("/engine-rest/task/" + dispatch.get("id").asText() + "/deployed-form", "engineer");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.json().get("components").toString()).contains("处理人");
    }
}
