package live.bookhub.infra.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real mongosh (npm package, installed under tools/) as its own process, like a DBA would run it. */
public final class Mongosh {

    private Mongosh() {
    }

    public static Path binary() {
        Path home = Path.of(System.getProperty("bookhub.home", "..")).toAbsolutePath().normalize();
        Path mongosh = home.resolve("tools/node_modules/.bin/mongosh");
        if (!Files.isExecutable(mongosh)) {
            throw new IllegalStateException(mongosh + " is missing: run (cd tools && npm ci) or ./bookhub test");
        }
        return mongosh;
    }

    /** Runs a script against the database and returns what it printed; fails on a non-zero exit. */
    public static String eval(String connectionString, String script) {
        try {
            Process process = new ProcessBuilder(List.of(binary().toString(), connectionString, "--quiet", "--norc", "--eval", script))
                    .redirectErrorStream(true).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("mongosh did not finish within 90 s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError("mongosh exited with " + process.exitValue() + ": " + output);
            }
            return output.trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run mongosh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
