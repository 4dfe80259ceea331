package live.bookhub.watcher.replay;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import live.bookhub.watcher.envelope.EnvelopeMapper;
import live.bookhub.watcher.envelope.EventFamily;
import live.bookhub.watcher.replay.ReplayException.Reason;
import live.bookhub.watcher.system.WatcherProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ./bookhub replay --after <token> [--until <token|ISO instant>] [--follow]}: prints the envelopes
 * after a token as NDJSON on stdout, straight from MongoDB (no watcher needs to run). A refused token
 * is one line on stderr and a non-zero exit code: 2 bad arguments or malformed token, 3 token from
 * another deployment, 4 token fallen off the oplog, 1 anything else (MongoDB unreachable, say).
 */
public final class ReplayCommand {

    static final String USAGE = "usage: replay --after <token> [--until <token|ISO instant>] [--follow]"
            + " [--uri <mongodb uri>] [--collections books,orders]";
    private static final String DEFAULT_URI = "mongodb://127.0.0.1:27017/bookhub";
    private static final List<String> FLAGS = List.of("--follow");
    private static final List<String> OPTIONS = List.of("--after", "--until", "--uri", "--collections");

    private ReplayCommand() {
    }

    public static void main(String[] args) {
        // Before the first logger: stdout carries the NDJSON, so logs go to stderr, warnings only.
        System.setProperty("logback.configurationFile", "replay-logback.xml");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        ReplayRequest request;
        try {
            options = parse(args);
            request = ReplayRequest.of(options.get("--after"), options.get("--until"), options.containsKey("--follow"));
        } catch (ReplayException e) {
            err.println("replay: " + e.getMessage());
            if (e.reason() == Reason.BAD_ARGUMENT) {
                err.println(USAGE);
            }
            return e.reason().exitCode();
        }
        ConnectionString uri = new ConnectionString(options.getOrDefault("--uri", DEFAULT_URI));
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyConnectionString(uri)
                .build();
        List<String> collections = Arrays.asList(options.getOrDefault("--collections", "books,orders").split(","));
        try {
            collections.forEach(EventFamily::of);
        } catch (IllegalArgumentException e) {
            err.println("replay: --collections: " + e.getMessage());
            return Reason.BAD_ARGUMENT.exitCode();
        }
        try (MongoClient mongo = MongoClients.create(settings)) {
            ChangeReplay replay = new ChangeReplay(mongo.getDatabase(uri.getDatabase() == null ? "bookhub" : uri.getDatabase()),
                    collections, new EnvelopeMapper(DataSize.parse(WatcherProperties.DEFAULT_MAX_DATA_SIZE),
                    new SimpleMeterRegistry()), Duration.ofSeconds(1));
            try (ChangeReplay.Session session = replay.open(request)) {
                Writer lines = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                session.writeTo(lines);
                lines.flush();
            }
            return 0;
        } catch (ReplayException e) {
            err.println("replay: " + e.getMessage());
            return e.reason().exitCode();
        } catch (MongoTimeoutException e) {
            err.println("replay: cannot reach MongoDB at " + uri.getHosts() + ": is it running? (--uri, or"
                    + " BOOKHUB_MONGO_PORT with ./bookhub)");
            return 1;
        } catch (MongoException | IOException e) {
            err.println("replay: cannot read the change stream of " + uri.getHosts() + ": " + e.getMessage());
            return 1;
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String[] nameAndValue = args[i].split("=", 2);
            String name = nameAndValue[0];
            if (FLAGS.contains(name) && nameAndValue.length == 1) {
                options.put(name, "true");
            } else if (OPTIONS.contains(name) && nameAndValue.length == 2) {
                options.put(name, nameAndValue[1]);
            } else if (OPTIONS.contains(name) && i + 1 < args.length) {
                options.put(name, args[++i]);
            } else {
                throw new ReplayException(Reason.BAD_ARGUMENT, "unknown or incomplete argument '" + args[i] + "'");
            }
        }
        return options;
    }
}
