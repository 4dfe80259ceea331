package live.bookhub.infra.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import live.bookhub.events.EnvelopeCodec;
import live.bookhub.infra.LocalStack;
import tools.jackson.databind.JsonNode;

/** {@code ./bookhub replay …} against a stack's MongoDB, as a developer runs it. */
public final class Replay {

    /** What the command printed: envelopes on stdout, and a message on stderr. */
    public record Result(int exitCode, List<JsonNode> envelopes, String errors) {
    }

    private Replay() {
    }

    public static Result run(LocalStack stack, String... args) {
        try {
            Path out = Files.createTempFile("bookhub-replay", ".ndjson");
            Path err = Files.createTempFile("bookhub-replay", ".err");
            try {
                Process process = command(stack, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
                if (!process.waitFor(90, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("replay did not finish within 90 s");
                }
                return new Result(process.exitValue(), envelopes(Files.readString(out, StandardCharsets.UTF_8)),
                        Files.readString(err, StandardCharsets.UTF_8).trim());
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./bookhub replay", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the command with its stdout to read, its stderr to {@code logs/replay.log}; the caller ends it (for {@code --follow}). */
    public static Process start(LocalStack stack, String... args) {
        try {
            Path log = stack.settings().dataDir().resolve("logs").resolve("replay.log");
            Files.createDirectories(log.getParent());
            return command(stack, args).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run ./bookhub replay", e);
        }
    }

    public static List<JsonNode> envelopes(String ndjson) {
        return ndjson.lines().filter(line -> !line.isBlank()).map(line -> EnvelopeCodec.mapper().readTree(line)).toList();
    }

    private static ProcessBuilder command(LocalStack stack, String... args) {
        Path home = Path.of(System.getProperty("bookhub.home", "..")).toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bookhub").toString(), "replay"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("BOOKHUB_MONGO_PORT", String.valueOf(stack.settings().mongoPort()));
        return builder;
    }
}
