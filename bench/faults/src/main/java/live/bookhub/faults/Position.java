package live.bookhub.faults;

/**
 * Where a client resumes from: a stream id, and the stream's epoch when the gateway names one in its
 * {@code welcome}. With an epoch the client resumes with {@code <epoch>:<id>}, as issue 11 has it; a
 * gateway that names none gets the bare id.
 */
record Position(String epoch, String id) {

    /** A position as a gateway names it ({@code lastEventId} of a welcome or a reset): qualified or bare. */
    static Position parse(String value, String currentEpoch) {
        int colon = value.lastIndexOf(':');
        return colon < 0 ? new Position(currentEpoch, value) : new Position(value.substring(0, colon), value.substring(colon + 1));
    }

    String resumeValue() {
        return epoch == null || epoch.isEmpty() ? id : epoch + ":" + id;
    }
}
