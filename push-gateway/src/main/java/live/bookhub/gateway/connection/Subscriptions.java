package live.bookhub.gateway.connection;

import java.util.Optional;

import live.bookhub.events.Topics;
import live.bookhub.gateway.auth.TopicRights;
import live.bookhub.gateway.client.ClientSession;
import live.bookhub.gateway.fanout.Hub;
import live.bookhub.gateway.filter.BadFilter;
import live.bookhub.gateway.filter.FilterProperties;
import live.bookhub.gateway.filter.Subscription;
import live.bookhub.gateway.protocol.GatewayFrame;
import org.springframework.stereotype.Component;

/**
 * A client's topics and filtered subscriptions, at connect and by its ops: only topics that exist and
 * that its token may read, and at most {@code max-subscriptions-per-connection} filters.
 */
@Component
class Subscriptions {

    private final Hub<ClientSession> hub;
    private final FilterProperties limits;

    Subscriptions(Hub<ClientSession> hub, FilterProperties limits) {
        this.hub = hub;
        this.limits = limits;
    }

    /** Adds the filtered subscription, or replaces the one with its sub id; otherwise the error frame to send. */
    Optional<GatewayFrame> filter(ClientSession session, Subscription subscription) {
        if (!session.filters().containsKey(subscription.sub()) && session.filters().size() >= limits.maxSubscriptionsPerConnection()) {
            return Optional.of(GatewayFrame.badFilter(new BadFilter(subscription.sub(), "sub",
                    "a connection may hold at most " + limits.maxSubscriptionsPerConnection() + " filtered subscriptions")));
        }
        hub.filter(session, subscription);
        return Optional.empty();
    }

    /** Subscribes when the topic exists and the viewer may read it; otherwise the error frame to send. */
    Optional<GatewayFrame> subscribe(ClientSession session, String topic) {
        if (!Topics.isWellFormed(topic)) {
            return Optional.of(GatewayFrame.topicError("bad_topic", abbreviate(topic), "no such topic; topics are books, orders:<userId> and admin"));
        }
        if (!TopicRights.mayRead(session.viewer(), topic)) {
            String rejection = session.authentication().rejection();
            return Optional.of(rejection != null
                    ? GatewayFrame.topicError("unauthorized", topic, topic + " needs a valid token: " + rejection)
                    : GatewayFrame.topicError("forbidden", topic, "this token may not read " + topic));
        }
        hub.subscribe(session, topic);
        return Optional.empty();
    }

    /** What a client sent, cut short for an error frame. */
    static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
