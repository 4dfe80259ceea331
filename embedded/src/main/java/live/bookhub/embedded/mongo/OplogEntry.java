package live.bookhub.embedded.mongo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import de.bwaldvogel.mongo.bson.BsonTimestamp;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * One oplog record. {@code ns} is "db.coll" for collection operations and "db" for dropDatabase;
 * {@code body} holds what the change event needs, computed at write time when only then it is known
 * (the update description needs the post-image of that moment).
 */
record OplogEntry(long position, Instant wall, Kind kind, String ns, Document body) {

    enum Kind {
        INSERT("i", "insert"), UPDATE("u", "update"), REPLACE("r", "replace"), DELETE("d", "delete"), DROP("drop"),
        RENAME("rename"),
        DROP_DATABASE("dropDatabase"), INVALIDATE("invalidate"), NOOP("n"),
        /* Shown only to change streams with showExpandedEvents. */
        CREATE("create"), CREATE_INDEXES("createIndexes"), DROP_INDEXES("dropIndexes"), MODIFY("modify");

        boolean isExpanded() {
            return this == CREATE || this == CREATE_INDEXES || this == DROP_INDEXES || this == MODIFY;
        }

        final String code;
        /** The change event's operationType. */
        final String operationType;

        Kind(String code, String operationType) {
            this.code = code;
            this.operationType = operationType;
        }

        Kind(String code) {
            this(code, code);
        }

        private static final Map<String, Kind> BY_CODE = Arrays.stream(values()).collect(Collectors.toMap(kind -> kind.code, kind -> kind));

        static Kind of(String code) {
            Kind kind = BY_CODE.get(code);
            if (kind == null) {
                throw new IllegalStateException("unknown oplog entry kind " + code);
            }
            return kind;
        }
    }

    /** Body fields. */
    static final String DOCUMENT = "o";
    static final String ID = "id";
    static final String UPDATE_DESCRIPTION = "updateDescription";
    static final String TO = "to";
    /** The document before and after an update, replace or delete, kept where the collection has images. */
    static final String PRE_IMAGE = "pre";
    static final String POST_IMAGE = "post";
    /** The collection's UUID, on every entry about one collection. */
    static final String UUID = "ui";
    /** What a DDL entry did: the index specs, the collMod options, the new collection's options. */
    static final String DESCRIPTION = "operationDescription";
    /** Namespaces ("db.coll", or "db" for a database) whose streams end at an INVALIDATE entry. */
    static final String TARGETS = "targets";

    BsonTimestamp timestamp() {
        return new BsonTimestamp(position);
    }

    String database() {
        int dot = ns.indexOf('.');
        return dot < 0 ? ns : ns.substring(0, dot);
    }

    byte[] toBson() {
        Document document = new Document()
                .append("ts", timestamp())
                .append("wall", wall)
                .append("op", kind.code)
                .append("ns", ns)
                .append("o", body);
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            byte[] bytes = new byte[buffer.readableBytes()];
            buffer.readBytes(bytes);
            return bytes;
        } finally {
            buffer.release();
        }
    }

    /** What an entry is about, read from its stored bytes without decoding its body. */
    record Header(Kind kind, String ns) {

        /** Whether it changes a document ({@code ns} alone says which streams see it). */
        boolean isCrud() {
            return kind == Kind.INSERT || kind == Kind.UPDATE || kind == Kind.REPLACE || kind == Kind.DELETE;
        }

        /**
         * The header of stored bytes: {@link #toBson} writes ts, wall, op and ns before the body, so they
         * are read in place; null for anything laid out otherwise, which is then decoded whole.
         */
        static Header of(byte[] bytes) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            buffer.position(4);
            String op = null;
            while (buffer.remaining() > 1) {
                byte type = buffer.get();
                String name = cString(buffer);
                switch (type) {
                    case 0x11, 0x09 -> buffer.position(buffer.position() + 8); // ts (timestamp), wall (date)
                    case 0x02 -> {
                        int length = buffer.getInt();
                        String value = new String(bytes, buffer.position(), length - 1, StandardCharsets.UTF_8);
                        buffer.position(buffer.position() + length);
                        if (name.equals("op")) {
                            op = value;
                        } else if (name.equals("ns") && op != null) {
                            return new Header(Kind.of(op), value);
                        }
                    }
                    default -> {
                        return null;
                    }
                }
            }
            return null;
        }

        private static String cString(ByteBuffer buffer) {
            int start = buffer.position();
            while (buffer.get() != 0) {
                // to the terminating zero
            }
            return new String(buffer.array(), start, buffer.position() - start - 1, StandardCharsets.US_ASCII);
        }
    }

    static OplogEntry fromBson(byte[] bytes) {
        ByteBuf buffer = Unpooled.wrappedBuffer(bytes);
        try {
            Document document = BsonDecoder.decodeBson(buffer);
            return new OplogEntry(((BsonTimestamp) document.get("ts")).getValue(), (Instant) document.get("wall"),
                    Kind.of((String) document.get("op")), (String) document.get("ns"), (Document) document.get("o"));
        } finally {
            buffer.release();
        }
    }
}
