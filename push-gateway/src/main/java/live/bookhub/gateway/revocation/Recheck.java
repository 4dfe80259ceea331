package live.bookhub.gateway.revocation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import live.bookhub.events.SessionRevocation;
import live.bookhub.gateway.auth.TopicRights;
import live.bookhub.gateway.auth.Viewer;

/**
 * What one connection keeps after a revocation of its user: closed when the user is disabled or
 * deleted; otherwise it goes on as the lowered viewer, without the topics that viewer may not read.
 *
 * @param viewer  who the connection counts as from now
 * @param dropped the topics it loses, sorted
 * @param close   whether the connection ends
 */
record Recheck(Viewer viewer, List<String> dropped, boolean close) {

    /** Empty when the revocation is about another user (or the connection is anonymous). */
    static Optional<Recheck> of(SessionRevocation revocation, Viewer viewer, Collection<String> topics) {
        if (!revocation.userId().equals(viewer.userId())) {
            return Optional.empty();
        }
        if (revocation.endsSessions()) {
            return Optional.of(new Recheck(Viewer.ANONYMOUS, List.of(), true));
        }
        Viewer lowered = new Viewer(viewer.userId(), revocation.role());
        return Optional.of(new Recheck(lowered, topics.stream().filter(topic -> !TopicRights.mayRead(lowered, topic)).sorted().toList(),
                false));
    }
}
