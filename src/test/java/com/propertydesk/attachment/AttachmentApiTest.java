package com.propertydesk.attachment;

import static com.propertydesk.support.LifecycleScenario.complaintBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import com.propertydesk.ticket.TicketAccess;
import com.propertydesk.ticket.TicketRepository;
import com.propertydesk.ticket.TicketWorkflow;
import com.propertydesk.ticket.api.TicketMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.unit.DataSize;

/**
 * Evidence on a ticket: what is accepted (by content, not name), the size limit, who may read it, and that a
 * refused or broken upload leaves neither a file nor a record behind. The test profile's limit is 256 KB.
 */
class AttachmentApiTest extends SpringTestBase {

    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00);
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
    static final byte[] PDF = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] HEIC = bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0, 'm', 'i',
            'f', '1', 'h', 'e', 'i', 'c');
    static final byte[] MP4 = bytes(0, 0, 0, 0x20, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0, 'i', 's', 'o',
            'm', 'a', 'v', 'c', '1');
    static final byte[] WINDOWS_EXE = bytes('M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00,
            0xFF, 0xFF, 0x00, 0x00);
    static final byte[] LINUX_ELF = bytes(0x7F, 'E', 'L', 'F', 0x02, 0x01, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    static final Path STORAGE = Path.of("target", "test-attachments");
    static final int LIMIT = 256 * 1024;

    @Autowired
    AttachmentService attachments;
    @Autowired
    TicketRepository tickets;
    @Autowired
    TicketAccess access;
    @Autowired
    AttachmentStorage storage;
    @Autowired
    AttachmentProperties properties;
    @Autowired
    TicketMapper mapper;
    @Autowired
    TicketWorkflow workflow;
    @Autowired
    PlatformTransactionManager transactionManager;

    ApiClient api;
    String ticketNo;

    @BeforeEach
    void fileAnEngineeringComplaintFromTheApp() {
        api = new ApiClient(port);
        ticketNo = api.postJson("/api/v1/tickets", "integrator",
                complaintBody(TicketDriver.uniqueRoom(), "卫生间天花板漏水，已经滴到地面")).json().get("ticketNo").asText();
        desk.runDueJobs(ticketNo);
    }

    @Test
    void photosVideosAndPdfsAreRecognisedByTheirContentAndComeBackByteForByte() throws Exception {
        record Sample(String name, String declared, byte[] content, String expected) {
        }
        List<Sample> samples = List.of(
                new Sample("漏水照片.jpg", "image/jpeg", padded(JPEG, 5000), "image/jpeg"),
                // named and declared as something else: the content decides
                new Sample("screenshot.bin", "application/octet-stream", padded(PNG, 3000), "image/png"),
                new Sample("维修报价单.pdf", "application/pdf", padded(PDF, 2000), "application/pdf"),
                new Sample("IMG_0042.HEIC", "image/heif", padded(HEIC, 4000), "image/heic"),
                new Sample("现场视频.mp4", "video/quicktime", padded(MP4, 9000), "video/mp4"));
        for (Sample sample : samples) {
            ApiClient.Reply reply = api.postFile(base(), "integrator", "file", sample.name(), sample.declared(),
                    sample.content());
            assertThat(reply.status()).as(sample.name() + ": " + reply).isEqualTo(201);
            JsonNode stored = reply.json();
            assertThat(stored.get("contentType").asText()).as(sample.name()).isEqualTo(sample.expected());
            assertThat(stored.get("fileName").asText()).isEqualTo(sample.name());
            assertThat(stored.get("size").asLong()).isEqualTo(sample.content().length);
            assertThat(stored.get("sha256").asText()).isEqualTo(sha256(sample.content()));
            assertThat(stored.get("uploadedBy").asText()).isEqualTo("integrator");
            assertThat(reply.header("Location")).isEqualTo(stored.get("url").asText());

            ApiClient.Download file = api.download(stored.get("url").asText(), "engineer");
            assertThat(file.status()).isEqualTo(200);
            assertThat(file.body()).isEqualTo(sample.content());
            assertThat(file.header("Content-Type")).isEqualTo(sample.expected());
            assertThat(file.header("Content-Disposition")).startsWith("inline;").contains("filename");
        }
        JsonNode ticket = api.get("/api/v1/tickets/" + ticketNo, "cs").json();
        assertThat(ticket.get("attachments")).hasSize(samples.size());
        assertThat(ticket.get("attachments").findValuesAsText("fileName"))
                .containsExactlyElementsOf(samples.stream().map(Sample::name).toList());
        assertThat(ticket.get("timeline").findValuesAsText("stage").stream().filter("EVIDENCE"::equals))
                .hasSize(samples.size());
        assertThat(api.get(base(), "cs").json()).hasSize(samples.size());
    }

    @Test
    void theOpenTasksShowTheAttachmentsAsLinks() {
        String url = api.postFile(base(), "integrator", "file", "漏水照片.jpg", "image/jpeg", padded(JPEG, 100))
                .json().get("url").asText();
        var task = desk.task(ticketNo, "dispatch");
        Object links = engine.getTaskService().getVariableLocal(task.getId(), "attachmentLinks");
        assertThat(links).asString().contains("[漏水照片.jpg](" + url + ")", "integrator");
    }

    @Test
    void anExecutableOrAScriptIsRefusedWhateverItIsCalledAndNothingIsKept() throws IOException {
        long filesBefore = storedFiles();
        byte[] script = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        for (var disguise : List.of(
                List.of("photo.jpg", "image/jpeg", WINDOWS_EXE),
                List.of("video.mp4", "video/mp4", LINUX_ELF),
                List.of("image.png", "image/png", script))) {
            ApiClient.Reply reply = api.postFile(base(), "integrator", "file", (String) disguise.get(0),
                    (String) disguise.get(1), padded((byte[]) disguise.get(2), 2000));
            assertThat(reply.status()).as(reply.toString()).isEqualTo(415);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.json().at("/errors/0/field").asText()).isEqualTo("file");
        }
        assertThat(api.get("/api/v1/tickets/" + ticketNo, "cs").json().get("attachments")).isEmpty();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void theSizeLimitHoldsAtTheEdge() throws IOException {
        long filesBefore = storedFiles();
        ApiClient.Reply tooLarge = api.postFile(base(), "integrator", "file", "big.jpg", "image/jpeg",
                padded(JPEG, LIMIT + 1));
        assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(413);
        assertThat(tooLarge.json().at("/errors/0/field").asText()).isEqualTo("file");
        assertThat(tooLarge.json().get("detail").asText()).contains("at most 256.0 KB");
        assertThat(storedFiles()).isEqualTo(filesBefore);

        ApiClient.Reply atTheLimit = api.postFile(base(), "integrator", "file", "edge.jpg", "image/jpeg",
                padded(JPEG, LIMIT));
        assertThat(atTheLimit.status()).as(atTheLimit.toString()).isEqualTo(201);
        assertThat(atTheLimit.json().get("size").asLong()).isEqualTo(LIMIT);
    }

    @Test
    void theDefaultLimitIsTwentyMegabytes() {
        new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class).run(context ->
                assertThat(context.getBean(AttachmentProperties.class).maxSize()).isEqualTo(DataSize.ofMegabytes(20)));
    }

    @EnableConfigurationProperties(AttachmentProperties.class)
    static class PropertiesOnly {
    }

    @Test
    void attachmentsAreReadUnderTheTicketsOwnAuthorization() {
        String url = api.postFile(base(), "engineer", "file", "现场.png", "image/png", padded(PNG, 500)).json()
                .get("url").asText();
        for (String reader : List.of("integrator", "engineer", "cs", "manager", "frontdesk")) {
            assertThat(api.download(url, reader).status()).as(reader).isEqualTo(200);
        }
        // a cleaner never touched this engineering complaint: not even its existence shows
        assertThat(api.download(url, "cleaner").status()).isEqualTo(404);
        assertThat(api.get(base(), "cleaner").status()).isEqualTo(404);
        assertThat(api.postFile(base(), "cleaner", "file", "x.png", "image/png", PNG).status()).isEqualTo(404);
        assertThat(api.download(url, null).status()).isEqualTo(401);
        // (a wrong password would lock a real staff account for a few seconds, and other tests with it)
        assertThat(api.download(url, "no-such-user:wrong-password").status()).isEqualTo(401);
        // an attachment of another ticket is not reachable through this one
        String other = api.postJson("/api/v1/tickets", "integrator",
                complaintBody(TicketDriver.uniqueRoom(), "楼道灯不亮")).json().get("ticketNo").asText();
        assertThat(api.download(url.replace(ticketNo, other), "cs").status()).isEqualTo(404);
    }

    @Test
    void aRequestWithoutAFileNamesTheMissingPart() {
        ApiClient.Reply wrongPart = api.postFile(base(), "integrator", "photo", "a.jpg", "image/jpeg", JPEG);
        assertThat(wrongPart.status()).isEqualTo(400);
        assertThat(wrongPart.json().at("/errors/0/field").asText()).isEqualTo("file");
        ApiClient.Reply empty = api.postFile(base(), "integrator", "file", "a.jpg", "image/jpeg", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asText()).isEqualTo("file");
        ApiClient.Reply json = api.postJson(base(), "integrator", "{}");
        assertThat(json.status()).isEqualTo(415);
    }

    @Test
    void anOverlongFileNameIsNamedNotTakenForAnOversizedFile() {
        // 1,000 characters: 3,000 bytes of Content-Disposition, beyond Tomcat's default 512 for a part's headers
        ApiClient.Reply thousand = api.postFile(base(), "integrator", "file", "漏".repeat(996) + ".jpg",
                "image/jpeg", padded(JPEG, 222));
        assertThat(thousand.status()).as(thousand.raw()).isEqualTo(400);
        assertThat(thousand.contentType()).startsWith("application/problem+json");
        assertThat(thousand.json().at("/errors/0/field").asText()).isEqualTo("file.filename");
        assertThat(api.postFile(base(), "integrator", "file", "😭".repeat(126) + ".jpg", "image/jpeg",
                padded(JPEG, 222)).json().at("/errors/0/field").asText()).isEqualTo("file.filename");
        // beyond the part header limit itself (8 KB)
        ApiClient.Reply huge = api.postFile(base(), "integrator", "file", "a".repeat(10_000) + ".jpg",
                "image/jpeg", padded(JPEG, 222));
        assertThat(huge.status()).as(huge.raw()).isEqualTo(400);
        assertThat(huge.json().at("/errors/0/field").asText()).isEqualTo("file.filename");
        assertThat(desk.ticket(ticketNo).attachments()).isEmpty();

        // 255 UTF-16 units, as H2 counts a VARCHAR(255) (MySQL counts code points, 130 here)
        String longest = "😭".repeat(125) + "1.jpg";
        ApiClient.Reply kept = api.postFile(base(), "integrator", "file", longest, "image/jpeg", padded(JPEG, 222));
        assertThat(kept.status()).as(kept.raw()).isEqualTo(201);
        assertThat(kept.json().get("fileName").asText()).isEqualTo(longest);
    }

    @Test
    void anUploadThatBreaksOffInTheMiddleLeavesNothingBehind() throws IOException {
        long filesBefore = storedFiles();
        InputStream brokenOff = new SequenceInputStream(new ByteArrayInputStream(padded(JPEG, 100_000)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("connection reset by peer");
                    }
                });
        assertThatThrownBy(() -> attachments.attach(ticketNo, desk.caller("integrator"),
                new AttachmentService.Upload("half.jpg", 200_000, brokenOff)))
                .isInstanceOf(AttachmentRefusedException.class).hasMessageContaining("broke off");
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(desk.ticket(ticketNo).attachments()).isEmpty();
    }

    @Test
    void aFileWhoseRecordCannotBeSavedIsRemovedAgain() throws IOException {
        long filesBefore = storedFiles();
        TicketWorkflow failing = (TicketWorkflow) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {TicketWorkflow.class}, (proxy, method, args) -> {
                    if (method.getName().equals("attachmentsChanged")) {
                        throw new IllegalStateException("the database went away");
                    }
                    try {
                        return method.invoke(workflow, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        AttachmentService failingAfterTheWrite = new AttachmentService(tickets, access, storage, properties, mapper,
                failing, Clock.systemUTC(), transactionManager);
        assertThatThrownBy(() -> failingAfterTheWrite.attach(ticketNo, desk.caller("integrator"),
                new AttachmentService.Upload("whole.jpg", 50_000, new ByteArrayInputStream(padded(JPEG, 50_000)))))
                .hasMessageContaining("the database went away");
        assertThat(storedFiles()).isEqualTo(filesBefore);
        assertThat(desk.ticket(ticketNo).attachments()).isEmpty();
        assertThat(desk.ticket(ticketNo).timeline()).noneMatch(entry -> entry.stage() == com.propertydesk.ticket.TimelineStage.EVIDENCE);
    }

    private String base() {
        return "/api/v1/tickets/" + ticketNo + "/attachments";
    }

    static long storedFiles() throws IOException {
        if (!Files.exists(STORAGE)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(STORAGE)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** The header followed by filler up to the given length. */
    static byte[] padded(byte[] head, int length) {
        byte[] content = new byte[length];
        System.arraycopy(head, 0, content, 0, Math.min(head.length, length));
        for (int i = head.length; i < length; i++) {
            content[i] = (byte) (i * 31);
        }
        return content;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
