package live.bookhub.embedded.mongo;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.backend.AbstractCursor;
import de.bwaldvogel.mongo.bson.Document;
import live.bookhub.embedded.mongo.pipeline.DocumentPipeline;

/**
 * An open change stream: a position in the oplog and the events read past it but not yet returned.
 * Each read seeks to the position and walks forward; nothing is re-scanned. Events the stream's
 * pipeline filters out still move the position, so the postBatchResumeToken advances on an idle
 * collection while other collections are written.
 */
final class ChangeStreamCursor extends AbstractCursor {

    private static final int READ_CHUNK = 256;

    private record PositionedEvent(long position, Document event) {
    }

    private final ChangeStreamSpec spec;
    private final OplogStore store;
    private final ChangeEventFactory events;
    private final DocumentPipeline pipeline;
    private final Deque<PositionedEvent> ready = new ArrayDeque<>();
    private long scanned;
    private long returned;
    private boolean invalidated;

    ChangeStreamCursor(long id, ChangeStreamSpec spec, OplogStore store, ChangeEventFactory events,
                       DocumentPipeline pipeline, long start) {
        super(id);
        this.spec = spec;
        this.store = store;
        this.events = events;
        this.pipeline = pipeline;
        this.scanned = start;
        this.returned = start;
    }

    /** Closed after it delivered an invalidate event, as on MongoDB. */
    @Override
    public synchronized boolean isEmpty() {
        return invalidated && ready.isEmpty();
    }

    @Override
    public synchronized List<Document> takeDocuments(int limit) {
        fill(limit);
        List<Document> batch = new ArrayList<>();
        while (batch.size() < limit && !ready.isEmpty()) {
            PositionedEvent next = ready.poll();
            batch.add(next.event());
            returned = next.position();
        }
        return batch;
    }

    /** Whether a getMore for {@code limit} events would answer now rather than wait for more entries. */
    synchronized boolean hasAnswer(int limit) {
        fill(limit);
        return !ready.isEmpty() || invalidated;
    }

    /** Whether entries were appended that this cursor has not looked at yet. */
    synchronized boolean isBehind() {
        return store.last() > scanned;
    }

    /** The last returned event's token while events wait, else the newest entry this stream has passed. */
    synchronized Document postBatchResumeToken() {
        long position = ready.isEmpty() ? store.floor(scanned) : returned;
        return new ResumeToken(position, store.deploymentId()).toDocument();
    }

    private void fill(int limit) {
        while (ready.size() < limit && !invalidated) {
            checkHistoryKept();
            OplogStore.Chunk chunk = store.readAfter(scanned, READ_CHUNK, spec::skips);
            if (chunk.last() == scanned) {
                return;
            }
            for (OplogEntry entry : chunk.entries()) {
                if (spec.sees(entry)) {
                    offer(entry); // may fail: then the position stays, and every later read fails alike
                }
                scanned = entry.position();
                if (entry.kind() == OplogEntry.Kind.INVALIDATE && spec.sees(entry)) {
                    invalidated = true;
                    return;
                }
            }
            scanned = chunk.last(); // past the entries skipped undecoded, too
        }
    }

    /** The event through the stream's pipeline, which may drop it but not change its resume token. */
    private void offer(OplogEntry entry) {
        Document event = events.event(entry, spec);
        List<Document> passed = pipeline.isEmpty() ? List.of(event) : pipeline.apply(Stream.of(event)).toList();
        for (Document document : passed) {
            if (!event.get("_id").equals(document.get("_id"))) {
                throw ChangeStreamErrors.resumeTokenModified();
            }
        }
        passed.forEach(document -> ready.add(new PositionedEvent(entry.position(), document)));
    }

    /** Entries after {@code scanned} were evicted before this stream read them. */
    private void checkHistoryKept() {
        if (store.lastEvicted() > scanned) {
            throw ChangeStreamErrors.historyLost();
        }
    }
}
