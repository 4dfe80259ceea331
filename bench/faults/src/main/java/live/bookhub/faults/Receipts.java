package live.bookhub.faults;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What one client received, in order: for each envelope the number of the write it comes from, and a
 * marker for each reset. Compact, since several hundred clients each keep thousands.
 */
final class Receipts {

    static final long RESET = -1;
    /** An envelope that names no write of the source log. */
    static final long UNKNOWN = -2;
    /** A delete whose write was not yet logged when it arrived: resolved from {@link #pendingDeletes()} at the end. */
    static final long PENDING_DELETE = -3;
    /** A welcome: where a connection began, for the evidence (no figure counts it). */
    static final long WELCOME = -4;

    private long[] keys = new long[1024];
    private int size;
    private final List<Long> resetTimes = new ArrayList<>();
    private final Map<Integer, String> pendingDeletes = new HashMap<>();

    synchronized void event(long key) {
        append(key);
    }

    synchronized void pendingDelete(String documentId) {
        pendingDeletes.put(size, documentId);
        append(PENDING_DELETE);
    }

    synchronized void welcome() {
        append(WELCOME);
    }

    synchronized void reset(long atMs) {
        resetTimes.add(atMs);
        append(RESET);
    }

    private void append(long key) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
        }
        keys[size++] = key;
    }

    /** Whether one of the last {@code window} receipts is this write. */
    synchronized boolean recentlyGot(long key, int window) {
        for (int i = size - 1; i >= Math.max(0, size - window); i--) {
            if (keys[i] == key) {
                return true;
            }
        }
        return false;
    }

    synchronized long[] keys() {
        return Arrays.copyOf(keys, size);
    }

    synchronized List<Long> resetTimes() {
        return List.copyOf(resetTimes);
    }

    synchronized Map<Integer, String> pendingDeletes() {
        return Map.copyOf(pendingDeletes);
    }
}
