package live.bookhub.faults;

/**
 * One row of the table.
 *
 * @param writes     writes started in the phase (of them {@code uncertain}: failed or of unknown outcome, expected by no one)
 * @param expected   deliveries expected: for each client, each write of the phase on a topic it reads
 * @param lost       expected deliveries that never came
 * @param silent     of those, the ones no reset covered: the client went on past them without being told
 * @param doubled    deliveries of a write a client had already received, with no reset in between
 * @param resent     deliveries of a write a client had received before a reset it got since: it refetched in
 *                   between, so this is not a double (shown apart for what it says about the watcher)
 * @param outOfOrder deliveries of a write that ended before another write (same collection) the client had already received began
 * @param resets     resets clients received during the phase (gateway {@code sync:reset} frames and watcher envelopes)
 */
record PhaseFigures(String name, long writes, long uncertain, long expected, long lost, long silent, long doubled,
                    long resent, long outOfOrder, long resets, String notes) {

    boolean everyLossCovered() {
        return silent == 0;
    }
}
