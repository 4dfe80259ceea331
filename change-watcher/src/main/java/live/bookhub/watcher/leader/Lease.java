package live.bookhub.watcher.leader;

import java.time.Instant;

/**
 * The leader's lease as stored in MongoDB: who holds it, in which term, until when.
 *
 * @param holder    the replica name of the leader
 * @param epoch     the term: raised on every change of hands, so appends of an older term can be refused
 * @param expiresAt when a standby may take it over, unless renewed before
 */
public record Lease(String holder, long epoch, Instant expiresAt) {
}
