package live.bookhub.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;

/**
 * A change stream position as clients see it: {@code {_data: "<16 hex: timestamp><8 hex: deployment>"}}.
 * Upper-case and fixed width so that comparing two tokens as strings orders them like the oplog,
 * which is what the watcher relies on to pick the newer of two positions.
 */
record ResumeToken(long position, int deploymentId) {

    static final String DATA = "_data";
    private static final int LENGTH = 24;

    String data() {
        return String.format("%016X%08X", position, deploymentId);
    }

    Document toDocument() {
        return new Document(DATA, data());
    }

    static ResumeToken parse(Object token) {
        if (!(token instanceof Document document) || !(document.get(DATA) instanceof String data)) {
            throw ChangeStreamErrors.badValue("resume token must be a document with a string '_data' field, got " + token);
        }
        if (data.length() != LENGTH || !data.chars().allMatch(ResumeToken::isHexDigit)) {
            throw ChangeStreamErrors.badValue("malformed resume token: '" + data + "' is not " + LENGTH + " hex digits");
        }
        return new ResumeToken(Long.parseUnsignedLong(data.substring(0, 16), 16),
                Integer.parseUnsignedInt(data.substring(16), 16));
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
    }
}
