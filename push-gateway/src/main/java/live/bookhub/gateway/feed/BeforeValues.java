package live.bookhub.gateway.feed;

/**
 * Where the watcher's {@code before} (the old values of a book's filterable fields, for judging
 * filters) is cut out of an envelope's JSON, so clients get the envelope as it was before filters
 * existed. The bytes around it are kept as they are: re-serializing would change how numbers are written.
 */
final class BeforeValues {

    private BeforeValues() {
    }

    /**
     * Where the cut of the member whose name begins at {@code nameStart} begins. It ends where the next
     * token begins, which takes the member's trailing comma; the last member has none, so the whitespace
     * and the comma before it go instead.
     */
    static int cutFrom(byte[] json, int nameStart, boolean last) {
        if (!last) {
            return nameStart;
        }
        int from = nameStart;
        while (from > 0 && isWhitespace(json[from - 1])) {
            from--;
        }
        return from > 0 && json[from - 1] == ',' ? from - 1 : from;
    }

    private static boolean isWhitespace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
