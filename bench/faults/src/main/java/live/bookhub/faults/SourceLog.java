package live.bookhub.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import live.bookhub.events.EnvelopeCodec;

/**
 * Every write of the run, by number, also written out as NDJSON: what the clients' deliveries are
 * compared against.
 */
final class SourceLog implements AutoCloseable {

    private final Map<Long, Write> bySeq = new ConcurrentHashMap<>();
    /** A delete's envelope carries the document, not the write's number: it is found by the document's id. */
    private final Map<String, Long> deleteByDocument = new ConcurrentHashMap<>();
    private final BufferedWriter file;

    SourceLog(Path path) {
        try {
            this.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the source log " + path, e);
        }
    }

    /** Called before a delete is sent, so that its event, however early it arrives, can be named. */
    void expectDelete(String documentId, long seq) {
        deleteByDocument.put(documentId, seq);
    }

    Long deleteOf(String documentId) {
        return deleteByDocument.get(documentId);
    }

    void record(Write write) {
        bySeq.put(write.seq(), write);
        String line = EnvelopeCodec.mapper().createObjectNode().put("seq", write.seq()).put("source", write.source())
                .put("type", write.type()).put("topic", write.topic()).put("documentId", write.documentId())
                .put("startMs", write.startMs()).put("endMs", write.endMs()).put("certain", write.certain()).toString();
        synchronized (file) {
            try {
                file.write(line);
                file.newLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    Write get(long seq) {
        return bySeq.get(seq);
    }

    List<Write> all() {
        return new ArrayList<>(bySeq.values());
    }

    @Override
    public void close() {
        synchronized (file) {
            try {
                file.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
