package live.bookhub.infra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The production deployment's files in this repository, and broken copies of them for negative cases. */
final class DeploymentFiles {

    private static Map<String, ServiceJar> jars;

    private DeploymentFiles() {
    }

    static Path home() {
        return Path.of(System.getProperty("bookhub.home", "..")).toAbsolutePath().normalize();
    }

    static Path docker() {
        return home().resolve("infra/docker");
    }

    static Path kubernetes() {
        return home().resolve("infra/kubernetes");
    }

    /** Read once per test run: each jar is tens of megabytes of nested jars. */
    static synchronized Map<String, ServiceJar> jars() {
        if (jars == null) {
            jars = Map.of("api", ServiceJar.of(home(), "api"), "change-watcher", ServiceJar.of(home(), "change-watcher"),
                    "push-gateway", ServiceJar.of(home(), "push-gateway"));
        }
        return jars;
    }

    /** Copies {@code file} into {@code folder} under the same name, changed by {@code edit}; fails when the edit changes nothing. */
    static Path brokenCopy(Path file, Path folder, UnaryOperator<String> edit) {
        try {
            String original = Files.readString(file);
            String broken = edit.apply(original);
            if (broken.equals(original)) {
                throw new AssertionError("the edit does not change " + file + ": the negative case would test nothing");
            }
            return Files.writeString(folder.resolve(file.getFileName()), broken);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void copy(Path file, Path folder) {
        try {
            Files.copy(file, folder.resolve(file.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
