package live.bookhub.faults;

/**
 * One write made by the harness, as the source log keeps it.
 *
 * @param seq        the write's number, carried in the document (a book's {@code price}, an order's {@code seq}),
 *                   so that each envelope names the write it comes from
 * @param source     who wrote it: {@code api}, {@code mongosh}
 * @param type       the event it must cause, e.g. {@code book:updated}
 * @param topic      who must receive that event
 * @param documentId the document written
 * @param startMs    when the write was sent (wall clock, ms)
 * @param endMs      when its answer came back
 * @param certain    whether it is known to have been applied; a write that failed, timed out or matched
 *                   nothing is not expected by anyone (its event, if it comes, is still matched)
 */
record Write(long seq, String source, String type, String topic, String documentId, long startMs, long endMs, boolean certain) {

    String collection() {
        return type.startsWith("book") ? "books" : "orders";
    }
}
