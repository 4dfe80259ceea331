package live.bookhub.watcher.envelope;

import java.io.OutputStream;

import live.bookhub.events.Envelope;
import live.bookhub.events.EnvelopeCodec;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Caps the size of an envelope's {@code data}: above {@code maxBytes} of JSON it is cut down to the
 * document's id and the envelope is flagged {@code truncated}, so a 10 MB document written from mongosh
 * reaches clients as a small hint to refetch it instead of a frame no gateway or browser wants.
 */
record DataLimit(long maxBytes) {

    /**
     * The most bytes of JSON one byte of BSON maps to, with room to spare: the worst document found gives
     * 7.4 (an {@code _id} document of regular expressions named with quotes and control characters: the
     * driver's JSON, escaped again inside a JSON string); {@code DataLimitTest} checks such shapes, and
     * {@code ChangeEnvelopesFuzzTest} random changes, against it.
     */
    static final int MAX_JSON_PER_BSON_BYTE = 64;

    /**
     * @param sourceBytes how many bytes of BSON {@code data} was mapped from at most, or -1 when not
     *                    known; when few enough, {@code data} is small by that alone, and is not measured
     */
    Envelope apply(Envelope envelope, long sourceBytes) {
        if (envelope.data() == null || (sourceBytes >= 0 && sourceBytes <= maxBytes / MAX_JSON_PER_BSON_BYTE)
                || jsonSize(envelope) <= maxBytes) {
            return envelope;
        }
        return truncated(envelope);
    }

    /** The envelope with {@code data} cut down to the id, flagged {@code truncated}; a book update keeps its {@code before}. */
    private static Envelope truncated(Envelope envelope) {
        ObjectNode idOnly = JsonNodeFactory.instance.objectNode();
        if (envelope.data() != null && envelope.data().has("id")) {
            idOnly.set("id", envelope.data().get("id"));
        }
        return new Envelope(envelope.id(), envelope.type(), envelope.topic(), envelope.ts(), envelope.token(), idOnly,
                envelope.changed(), true, envelope.before());
    }

    private static long jsonSize(Envelope envelope) {
        ByteCounter counter = new ByteCounter();
        EnvelopeCodec.mapper().writeValue(counter, envelope.data());
        return counter.count;
    }

    /** Counts the bytes of the JSON without holding them: the data being measured may be megabytes. */
    private static final class ByteCounter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            count += length;
        }
    }
}
