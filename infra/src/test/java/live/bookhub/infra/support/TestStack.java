package live.bookhub.infra.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import live.bookhub.embedded.FreePorts;
import live.bookhub.infra.LocalStack;
import live.bookhub.infra.StackSettings;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local stack for all system tests of a run, on free ports and a fresh data folder, stopped
 * when the run ends. Tests that stop a service start it again before they finish.
 */
public final class TestStack implements BeforeAllCallback, ParameterResolver {

    private static final String KEY = "bookhub.stack";

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .computeIfAbsent(KEY, key -> new Handle(startLive()), Handle.class);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        beforeAll(context);
        return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).get(KEY, Handle.class).stack();
    }

    /** Started means ready: the watcher's change streams are open and the gateways subscribed, so no write goes unseen. */
    private static LocalStack startLive() {
        return LocalStack.start(settings());
    }

    private static StackSettings settings() {
        Path home = Path.of(System.getProperty("bookhub.home", "..")).toAbsolutePath().normalize();
        Path dataDir;
        try {
            dataDir = Files.createTempDirectory("bookhub-system-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("system test stack: data and logs in " + dataDir);
        return new StackSettings(home, dataDir, FreePorts.next(), List.of(FreePorts.next(), FreePorts.next()),
                List.of(FreePorts.next(), FreePorts.next()), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-Xmx384m"),
                List.of("--bookhub.watcher.checkpoint-interval=1s"), false, true); // quick start, as ./bookhub start
    }

    record Handle(LocalStack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
