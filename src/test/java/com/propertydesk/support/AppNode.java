package com.propertydesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.awaitility.Awaitility;

/**
 * The packaged application as operators run it ({@code java -jar}, built in the package phase), in a working
 * directory of its own with its output in {@code app.log} there.
 */
public final class AppNode implements AutoCloseable {

    private final Process process;
    private final Path directory;
    private final ApiClient api;

    private AppNode(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.api = new ApiClient(port);
    }

    /** Starts the jar with these settings on a free port and waits until it is healthy. */
    public static AppNode start(String name, String... settings) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path directory = Files.createTempDirectory("propertydesk-" + name);
        List<String> arguments = new ArrayList<>(List.of(settings));
        arguments.add("--server.port=" + port);
        AppNode node = new AppNode(launch(directory, arguments), directory, port);
        Awaitility.await(name + " to start").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions().until(() -> {
                    assertThat(node.process.isAlive()).as(name + " is running; see " + node.log()).isTrue();
                    return node.api.get("/actuator/health", null).status() == 200;
                });
        return node;
    }

    /** Starts the jar with these arguments in the directory, its output going to app.log there. */
    public static Process launch(Path directory, List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().getAbsolutePath()));
        command.addAll(arguments);
        return new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("app.log").toFile()).start();
    }

    public static File jar() {
        File jar = new File(System.getProperty("packaged.jar", "target/property-service-desk-0.1.0-SNAPSHOT.jar"));
        assertThat(jar).as("run `mvn verify`: the jar is built in the package phase").exists();
        return jar;
    }

    public ApiClient api() {
        return api;
    }

    public Path directory() {
        return directory;
    }

    public Path log() {
        return directory.resolve("app.log");
    }

    /** Kills the application as a power cut would (SIGKILL): no shutdown hook, no graceful stop, locks left held. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Stops the application as an operator does (SIGTERM) and waits until it has, keeping its directory. */
    public void stop() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    /** Stops the application and removes its directory. */
    @Override
    public void close() {
        try {
            stop();
            try (var files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
