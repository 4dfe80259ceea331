package live.bookhub.faults;

import tools.jackson.databind.JsonNode;

/** Which write of the source log an envelope comes from: the number each write puts in its document. */
final class EventKeys {

    private final SourceLog log;

    EventKeys(SourceLog log) {
        this.log = log;
    }

    /** Records the envelope in {@code receipts} as the write it names. */
    void record(JsonNode envelope, Receipts receipts) {
        String type = envelope.path("type").asString();
        JsonNode data = envelope.path("data");
        if (type.endsWith(":deleted")) {
            // a delete carries the document as it was, not the delete's number: found by the document's id
            Long seq = log.deleteOf(data.path("id").asString());
            if (seq == null) {
                receipts.pendingDelete(data.path("id").asString());
            } else {
                receipts.event(seq);
            }
        } else if (type.startsWith("book:") && data.path("price").isNumber()) {
            receipts.event(data.path("price").asLong());
        } else if (type.startsWith("order:") && data.path("seq").isNumber()) {
            receipts.event(data.path("seq").asLong());
        } else {
            receipts.event(Receipts.UNKNOWN);
        }
    }
}
