package live.bookhub.embedded.mongo;

import java.util.HexFormat;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A change stream position as clients see it: {@code {_data: "82<16 hex: timestamp><8 hex: deployment>"}}.
 * Like MongoDB's, the token is a KeyString that starts with its cluster time (type byte {@code 82},
 * Timestamp, then its 8 bytes), so a client reads the time of a position the way it does on a replica
 * set (the watcher's oplog headroom does). Upper-case and fixed width so that comparing two tokens as
 * strings orders them like the oplog, which is what the watcher relies on to pick the newer of two
 * positions. Tokens of the earlier form, without the {@code 82}, are still read (stored checkpoints).
 */
record ResumeToken(long position, int deploymentId) {

    static final String DATA = "_data";
    private static final String TIMESTAMP_TYPE = "82";
    private static final int LEGACY_LENGTH = 24;
    private static final int LENGTH = TIMESTAMP_TYPE.length() + LEGACY_LENGTH;
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    String data() {
        // every change event and every getMore reply carries one: String.format was a tenth of a getMore's time
        return TIMESTAMP_TYPE + HEX.toHexDigits(position) + HEX.toHexDigits(deploymentId);
    }

    Document toDocument() {
        return new Document(DATA, data());
    }

    static ResumeToken parse(Object token) {
        if (!(token instanceof Document document) || !(document.get(DATA) instanceof String data)) {
            throw ChangeStreamErrors.badValue("resume token must be a document with a string '_data' field, got " + token);
        }
        boolean current = data.length() == LENGTH && data.startsWith(TIMESTAMP_TYPE);
        if (!(current || data.length() == LEGACY_LENGTH) || !data.chars().allMatch(ResumeToken::isHexDigit)) {
            throw ChangeStreamErrors.badValue("malformed resume token: '" + data + "' is not " + TIMESTAMP_TYPE + " and "
                    + LEGACY_LENGTH + " hex digits");
        }
        String timeAndDeployment = current ? data.substring(TIMESTAMP_TYPE.length()) : data;
        return new ResumeToken(Long.parseUnsignedLong(timeAndDeployment.substring(0, 16), 16),
                Integer.parseUnsignedInt(timeAndDeployment.substring(16), 16));
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
