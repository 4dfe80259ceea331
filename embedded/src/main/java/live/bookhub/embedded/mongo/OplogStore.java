package live.bookhub.embedded.mongo;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The oplog's storage: entries as BSON in an ordered map keyed by position, capped by total size
 * like a capped collection. It lives in the backend's MVStore, so the data and the oplog are written
 * (and survive a restart) together. Not thread-safe for writes: {@link BoundedOplog} serialises them.
 */
final class OplogStore {

    private static final Logger log = LoggerFactory.getLogger(OplogStore.class);

    /** "$" cannot start a database name, so H2Database.drop never removes these maps. */
    private static final String ENTRIES_MAP = "$oplog.entries";
    private static final String META_MAP = "$oplog.meta";
    private static final String SIZE_KEY = "sizeBytes";
    private static final String DEPLOYMENT_KEY = "deploymentId";
    private static final String LAST_EVICTED_KEY = "lastEvicted";

    private final MVMap<Long, byte[]> entries;
    private final MVMap<String, Object> meta;
    private final long maxSizeBytes;
    private final int deploymentId;
    private long sizeBytes;
    private volatile long lastEvicted;

    OplogStore(MVStore mvStore, long maxSizeBytes) {
        this.entries = mvStore.openMap(ENTRIES_MAP);
        this.meta = mvStore.openMap(META_MAP);
        this.maxSizeBytes = maxSizeBytes;
        this.deploymentId = (Integer) meta.computeIfAbsent(DEPLOYMENT_KEY, key -> new SecureRandom().nextInt());
        this.sizeBytes = ((Number) meta.getOrDefault(SIZE_KEY, 0L)).longValue();
        this.lastEvicted = ((Number) meta.getOrDefault(LAST_EVICTED_KEY, 0L)).longValue();
        log.info("oplog opened: {} entries, {} of at most {} bytes, deployment {}",
                entries.size(), sizeBytes, maxSizeBytes, String.format("%08X", deploymentId));
    }

    int deploymentId() {
        return deploymentId;
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** Position of the oldest retained entry. The oplog is never empty once opened (see BoundedOplog). */
    long first() {
        return entries.firstKey();
    }

    long last() {
        return entries.lastKey();
    }

    OplogEntry get(long position) {
        byte[] bytes = entries.get(position);
        return bytes == null ? null : OplogEntry.fromBson(bytes);
    }

    /** The newest position at or before {@code position}, or {@code position} itself when none is retained. */
    long floor(long position) {
        Long floor = entries.floorKey(position);
        return floor == null ? position : floor;
    }

    /** Up to {@code limit} entries after {@code position}: a seek, then a walk along the ordered keys. */
    List<OplogEntry> readAfter(long position, int limit) {
        return readAfter(position, limit, header -> false).entries();
    }

    /**
     * Entries read past {@code position}: the decoded ones, and the position of the last one read.
     *
     * @param last {@code position} when nothing was read
     */
    record Chunk(List<OplogEntry> entries, long last) {
    }

    /**
     * Up to {@code limit} entries after {@code position}, those whose header {@code skipped} accepts
     * left undecoded (every change stream reads every entry; most are other collections' documents).
     */
    Chunk readAfter(long position, int limit, Predicate<OplogEntry.Header> skipped) {
        List<OplogEntry> result = new ArrayList<>();
        long last = position;
        Cursor<Long, byte[]> cursor = entries.cursor(position + 1);
        for (int read = 0; read < limit && cursor.hasNext(); read++) {
            last = cursor.next();
            byte[] bytes = cursor.getValue();
            OplogEntry.Header header = OplogEntry.Header.of(bytes);
            if (header == null || !skipped.test(header)) {
                result.add(OplogEntry.fromBson(bytes));
            }
        }
        return new Chunk(result, last);
    }

    /** Up to {@code limit} entries before {@code position}, newest first. */
    List<OplogEntry> readBefore(long position, int limit) {
        List<OplogEntry> result = new ArrayList<>();
        for (Long key = entries.lowerKey(position); key != null && result.size() < limit; key = entries.lowerKey(key)) {
            result.add(OplogEntry.fromBson(entries.get(key)));
        }
        return result;
    }

    void append(OplogEntry entry) {
        byte[] bytes = entry.toBson();
        entries.put(entry.position(), bytes);
        sizeBytes += bytes.length;
        evictOldest();
        meta.put(SIZE_KEY, sizeBytes);
    }

    long sizeBytes() {
        return sizeBytes;
    }

    /** The newest position evicted so far (0 for none): a reader before it has lost history. */
    long lastEvicted() {
        return lastEvicted;
    }

    /** Keeps at least the newest entry, so that there always is a position to resume from. */
    private void evictOldest() {
        int evicted = 0;
        while (sizeBytes > maxSizeBytes && entries.size() > 1) {
            long oldest = entries.firstKey();
            sizeBytes -= entries.remove(oldest).length;
            lastEvicted = oldest;
            evicted++;
        }
        if (evicted > 0) {
            meta.put(LAST_EVICTED_KEY, lastEvicted);
            log.debug("oplog over {} bytes: evicted the {} oldest entries", maxSizeBytes, evicted);
        }
    }
}
