package live.bookhub.embedded.mongo.failpoint;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.MongoServerError;

/**
 * MongoDB's {@code failCommand} fail point, the subset drivers' tests use: modes {@code alwaysOn},
 * {@code off}, {@code {times: n}} and {@code {skip: n}}; data {@code failCommands}, {@code appName},
 * {@code errorCode}, {@code errorLabels}, {@code closeConnection}, {@code blockConnection} with
 * {@code blockTimeMS}. One per server, shared by all connections, as on MongoDB. Thread-safe.
 */
final class FailCommand {

    /** What to do to one command the fail point fires on. */
    record Action(long blockMillis, boolean closeConnection, Integer errorCode, List<?> errorLabels) {
    }

    private Document data;
    /** Fires left before it turns itself off ({@code times}), or -1 for no limit. */
    private long timesLeft;
    /** Matching commands to let through before it fires ({@code skip}). */
    private long skipLeft;
    private long timesEntered;

    /**
     * Applies a {@code configureFailPoint} command.
     *
     * @return how often the fail point fired before this change, the reply's {@code count}
     */
    synchronized long configure(Document command) {
        Object mode = command.get("mode");
        long entered = timesEntered;
        if ("off".equals(mode)) {
            data = null;
            return entered;
        }
        Document newData = command.get("data") instanceof Document given ? given : new Document();
        if (newData.containsKey("blockConnection") && Boolean.TRUE.equals(newData.get("blockConnection"))
                && !(newData.get("blockTimeMS") instanceof Number time && time.longValue() >= 0)) {
            throw new MongoServerError(72, "InvalidOptions", "must specify non-negative 'blockTimeMS' when 'blockConnection' is true");
        }
        if ("alwaysOn".equals(mode)) {
            timesLeft = -1;
            skipLeft = 0;
        } else if (mode instanceof Document counted && counted.get("times") instanceof Number times && times.longValue() > 0) {
            timesLeft = times.longValue();
            skipLeft = 0;
        } else if (mode instanceof Document counted && counted.get("skip") instanceof Number skip && skip.longValue() >= 0) {
            timesLeft = -1;
            skipLeft = skip.longValue();
        } else {
            throw new MongoServerError(2, "BadValue", "unsupported fail point mode " + mode
                    + " (supported: \"alwaysOn\", \"off\", {times: n > 0}, {skip: n >= 0})");
        }
        data = newData;
        return entered;
    }

    /** The action for {@code command} sent by a client named {@code appName}, if the fail point fires on it. */
    synchronized Optional<Action> enter(String command, String appName) {
        if (data == null || !(data.get("failCommands") instanceof List<?> names) || !names.contains(command)
                || (data.containsKey("appName") && !data.get("appName").equals(appName))) {
            return Optional.empty();
        }
        boolean block = Boolean.TRUE.equals(data.get("blockConnection"));
        boolean close = Boolean.TRUE.equals(data.get("closeConnection"));
        Integer errorCode = data.get("errorCode") instanceof Number code ? code.intValue() : null;
        if (!block && !close && errorCode == null) {
            return Optional.empty(); // MongoDB ignores a fail point that would do nothing
        }
        if (skipLeft > 0) {
            skipLeft--;
            return Optional.empty();
        }
        timesEntered++;
        Action action = new Action(block ? ((Number) data.get("blockTimeMS")).longValue() : 0, close, errorCode,
                data.get("errorLabels") instanceof List<?> labels ? labels : null);
        if (timesLeft > 0 && --timesLeft == 0) {
            data = null;
        }
        return Optional.of(action);
    }
}
