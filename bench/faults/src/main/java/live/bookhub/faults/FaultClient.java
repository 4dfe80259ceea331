package live.bookhub.faults;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import live.bookhub.events.EnvelopeCodec;
import tools.jackson.databind.JsonNode;

/**
 * One client as a real one behaves: it connects to a gateway, keeps its position (the last event's id,
 * or where a reset told it to go on), and when its connection ends reconnects with backoff — to the
 * other gateway first — and resumes from that position. On a reset it refetches, as a real client does,
 * and the reset is recorded where it came.
 */
final class FaultClient {

    enum Kind { WEBSOCKET, SSE }

    private final int number;
    private final Kind kind;
    private final List<String> topics;
    private final String token;
    private final ClientFleet fleet;
    private final Receipts receipts = new Receipts();
    private int gateway;
    private Position position;
    private String epoch;
    private Link link;
    /** Each connection attempt's number: what an older connection still says is ignored. */
    private int attempt;
    private int failuresInARow;
    private boolean welcomed;
    private boolean offline;
    private boolean everWelcomed;

    FaultClient(int number, Kind kind, List<String> topics, String token, int gateway, ClientFleet fleet) {
        this.number = number;
        this.kind = kind;
        this.topics = List.copyOf(topics);
        this.token = token;
        this.gateway = gateway;
        this.fleet = fleet;
    }

    Kind kind() {
        return kind;
    }

    List<String> topics() {
        return topics;
    }

    Receipts receipts() {
        return receipts;
    }

    synchronized boolean isWelcomed() {
        return welcomed;
    }

    synchronized boolean everWelcomed() {
        return everWelcomed;
    }

    synchronized boolean isOffline() {
        return offline;
    }

    synchronized int gateway() {
        return gateway;
    }

    synchronized void connect() {
        int mine = ++attempt;
        welcomed = false;
        int port = fleet.gatewayPort(gateway);
        String resume = position == null ? null : position.resumeValue();
        Link.Listener listener = new Link.Listener() {
            @Override
            public void onFrame(String json) {
                FaultClient.this.onFrame(mine, json);
            }

            @Override
            public void onEnd(int code) {
                FaultClient.this.onEnd(mine, code);
            }
        };
        StringBuilder query = new StringBuilder("topics=").append(encode(String.join(",", topics)));
        if (token != null) {
            query.append("&access_token=").append(encode(token));
        }
        if (kind == Kind.WEBSOCKET) {
            if (resume != null) {
                query.append("&lastEventId=").append(encode(resume));
            }
            link = WebSocketLink.open(fleet.http(), URI.create("ws://127.0.0.1:" + port + "/ws?" + query), listener);
        } else {
            link = SseLink.open(fleet.http(), URI.create("http://127.0.0.1:" + port + "/sse?" + query), resume, listener);
        }
    }

    private synchronized void onFrame(int from, String json) {
        if (from != attempt) {
            return;
        }
        JsonNode frame = EnvelopeCodec.mapper().readTree(json);
        String type = frame.path("type").asString();
        switch (type) {
            case "welcome" -> {
                welcomed = true;
                everWelcomed = true;
                receipts.welcome();
                failuresInARow = 0;
                // the stream's epoch (issue 11), where gateways name one: kept, and sent back with every position
                epoch = frame.hasNonNull("epoch") ? frame.path("epoch").asString() : null;
                if (position == null) {
                    adopt(Position.parse(frame.path("lastEventId").asString(), epoch));
                }
            }
            case "sync:reset" -> {
                receipts.reset(System.currentTimeMillis());
                fleet.refetch().of(token);
                if (frame.hasNonNull("epoch")) {
                    epoch = frame.path("epoch").asString(); // a new life of the stream, told to a connected client
                }
                if (frame.hasNonNull("id")) {
                    adopt(Position.parse(frame.path("id").asString(), epoch)); // the watcher's, an envelope
                } else if (frame.hasNonNull("lastEventId")) {
                    adopt(Position.parse(frame.path("lastEventId").asString(), epoch));
                }
            }
            case "error", "pong", "subscribed", "close" -> {
                // nothing to keep
            }
            default -> {
                if (frame.hasNonNull("id")) {
                    fleet.keys().record(frame, receipts);
                    String itsEpoch = frame.hasNonNull("epoch") ? frame.path("epoch").asString() : epoch;
                    adopt(Position.parse(frame.path("id").asString(), itsEpoch));
                }
            }
        }
    }

    /** Goes on from {@code next}; a position that names its epoch makes that epoch the current one. */
    private void adopt(Position next) {
        position = next;
        if (next.epoch() != null) {
            epoch = next.epoch();
        }
    }

    private synchronized void onEnd(int from, int code) {
        if (from != attempt || offline) {
            return;
        }
        welcomed = false;
        fleet.closed(code);
        if (fleet.isStopping()) {
            return;
        }
        // the other gateway first, as the web app does; backoff so that a gateway down is not hammered
        gateway = (gateway + 1) % fleet.gatewayCount();
        long delay = Math.min(2000, 100L << Math.min(failuresInARow++, 5)) + ThreadLocalRandom.current().nextLong(200);
        int expected = ++attempt;
        fleet.scheduler().schedule(() -> reconnectIf(expected), delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void reconnectIf(int expected) {
        if (expected == attempt && !offline && !fleet.isStopping()) {
            connect();
        }
    }

    /** Leaves, as a closed laptop does: no reconnect until {@link #comeBack()}. */
    synchronized void goOffline() {
        offline = true;
        welcomed = false;
        attempt++;
        if (link != null) {
            link.close();
        }
    }

    /** Reconnects with the position it had when it left. */
    synchronized void comeBack() {
        offline = false;
        gateway = (gateway + 1) % fleet.gatewayCount();
        connect();
    }

    synchronized void close() {
        attempt++;
        if (link != null) {
            link.close();
        }
    }

    @Override
    public String toString() {
        return "client " + number + " (" + kind + ", " + topics + ")";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

}
