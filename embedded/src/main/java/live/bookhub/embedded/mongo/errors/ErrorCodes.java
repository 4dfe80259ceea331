package live.bookhub.embedded.mongo.errors;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import de.bwaldvogel.mongo.bson.Document;

/**
 * MongoDB's error codes as far as this server names them (src/mongo/base/error_codes.yml), and the
 * error labels a MongoDB 6.0 replica set member adds to an error reply (error_labels.cpp): drivers
 * decide on the labels, not the codes, whether to retry a write or resume a change stream.
 */
public final class ErrorCodes {

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(1, "InternalError"), Map.entry(2, "BadValue"), Map.entry(6, "HostUnreachable"),
            Map.entry(7, "HostNotFound"), Map.entry(8, "UnknownError"), Map.entry(9, "FailedToParse"),
            Map.entry(13, "Unauthorized"), Map.entry(14, "TypeMismatch"), Map.entry(20, "IllegalOperation"),
            Map.entry(26, "NamespaceNotFound"), Map.entry(27, "IndexNotFound"), Map.entry(43, "CursorNotFound"),
            Map.entry(47, "NoMatchingDocument"), Map.entry(48, "NamespaceExists"), Map.entry(50, "MaxTimeMSExpired"),
            Map.entry(59, "CommandNotFound"), Map.entry(63, "OBSOLETE_StaleShardVersion"),
            Map.entry(64, "WriteConcernTimeout"), Map.entry(67, "CannotCreateIndex"), Map.entry(72, "InvalidOptions"), Map.entry(73, "InvalidNamespace"),
            Map.entry(89, "NetworkTimeout"), Map.entry(91, "ShutdownInProgress"), Map.entry(112, "WriteConflict"), Map.entry(115, "CommandNotSupported"),
            Map.entry(133, "FailedToSatisfyReadPreference"), Map.entry(134, "ReadConcernMajorityNotAvailableYet"),
            Map.entry(150, "StaleEpoch"), Map.entry(189, "PrimarySteppedDown"), Map.entry(216, "ElectionInProgress"),
            Map.entry(234, "RetryChangeStream"), Map.entry(237, "CursorKilled"), Map.entry(251, "NoSuchTransaction"),
            Map.entry(260, "InvalidResumeToken"), Map.entry(262, "ExceededTimeLimit"), Map.entry(263, "OperationNotSupportedInTransaction"),
            Map.entry(266, "FailPointSetFailed"), Map.entry(280, "ChangeStreamFatalError"),
            Map.entry(286, "ChangeStreamHistoryLost"), Map.entry(9001, "SocketException"),
            Map.entry(10107, "NotWritablePrimary"), Map.entry(11000, "DuplicateKey"),
            Map.entry(11600, "InterruptedAtShutdown"), Map.entry(11602, "InterruptedDueToReplStateChange"),
            Map.entry(13388, "StaleConfig"), Map.entry(13435, "NotPrimaryNoSecondaryOk"),
            Map.entry(13436, "NotPrimaryOrSecondary"));

    /** The RetriableError category (network errors, not-primary errors, shutdowns, time limits). */
    private static final Set<Integer> RETRIABLE = Set.of(6, 7, 89, 91, 134, 189, 262, 317, 358, 384, 402, 406, 407,
            412, 9001, 10107, 11600, 11602, 13435, 13436);
    /** Resumable for a change stream beyond the retriable ones: re-targeting errors and two of its own. */
    private static final Set<Integer> ALSO_RESUMABLE = Set.of(63, 133, 150, 234, 13388);
    /** The NonResumableChangeStreamError category. */
    private static final Set<Integer> NON_RESUMABLE = Set.of(280, 286);
    /** The NotPrimaryError and ShutdownError categories: the server's state changed, as far as a driver knows. */
    private static final Set<Integer> STATE_CHANGE = Set.of(91, 189, 10058, 10107, 11600, 11602, 13435, 13436);
    private static final Set<String> RETRYABLE_WRITES = Set.of("insert", "update", "delete", "findAndModify",
            "commitTransaction", "abortTransaction");

    public static final String RESUMABLE_LABEL = "ResumableChangeStreamError";
    public static final String NON_RESUMABLE_LABEL = "NonResumableChangeStreamError";
    public static final String RETRYABLE_WRITE_LABEL = "RetryableWriteError";

    private ErrorCodes() {
    }

    /** The code name MongoDB gives {@code code}; "Location&lt;code&gt;" for codes it names nowhere else. */
    public static String nameOf(int code) {
        return NAMES.getOrDefault(code, "Location" + code);
    }

    /** Whether a reply with {@code code} carries the server's topologyVersion, as MongoDB's do. */
    public static boolean isStateChange(int code) {
        return STATE_CHANGE.contains(code);
    }

    /**
     * The labels MongoDB puts on an error reply to {@code command}.
     *
     * @param changeStream whether the command opened or continues a change stream
     */
    public static List<String> labels(Document command, int code, boolean changeStream) {
        String name = command.keySet().iterator().next();
        List<String> labels = new ArrayList<>();
        if (RETRYABLE_WRITES.contains(name) && command.containsKey("txnNumber") && !command.containsKey("autocommit")
                && RETRIABLE.contains(code)) {
            labels.add(RETRYABLE_WRITE_LABEL);
        }
        if (changeStream && (RETRIABLE.contains(code) || ALSO_RESUMABLE.contains(code))) {
            labels.add(RESUMABLE_LABEL);
        }
        if (NON_RESUMABLE.contains(code)) {
            labels.add(NON_RESUMABLE_LABEL);
        }
        return labels;
    }
}
