package live.bookhub.infra.deploy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A command-line tool from the machine (nginx, promtool), run to completion with a time bound. */
final class Tool {

    /** What one run printed (stdout and stderr together) and its exit code. */
    record Run(int exitCode, String output) {
        boolean succeeded() {
            return exitCode == 0;
        }
    }

    private final String name;

    private Tool(String name) {
        this.name = name;
    }

    /** The tool, or the test is skipped saying how to install it; .ci/run installs them. */
    static Tool required(String name, String debianPackage) {
        boolean onPath = List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, name)))
                || Files.isExecutable(Path.of("/usr/sbin", name));
        assumeTrue(onPath, name + " is not installed: apt-get install " + debianPackage + " (.ci/run installs it)");
        return new Tool(Files.isExecutable(Path.of("/usr/sbin", name)) ? "/usr/sbin/" + name : name);
    }

    Run run(Path workingDirectory, String... arguments) {
        List<String> command = new ArrayList<>(List.of(name));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within 60 s");
            }
            return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
