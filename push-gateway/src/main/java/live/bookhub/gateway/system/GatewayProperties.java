package live.bookhub.gateway.system;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The push-gateway's settings ({@code bookhub.gateway.*}); each is described in the README.
 *
 * @param port                     the clients' port: {@code /ws} and {@code /sse} (0: any free port); health
 *                                 and metrics are on Spring Boot's {@code server.port}
 * @param address                  the address the clients' port listens on
 * @param ioThreads                event loops owning the client connections; 0 means one per core
 * @param ioTransport              the clients' port's I/O: {@code auto} (epoll where the kernel has it, else
 *                                 NIO), {@code epoll} or {@code nio}
 * @param handshakeTimeout         how long a new connection may take to send its request
 * @param name                     this replica's name in welcome frames and metrics; empty means host:port
 * @param allowedOrigins           origin patterns allowed to open a WebSocket or an SSE stream ({@code *} for any)
 * @param sendBufferLimit          how much a client may have queued and unsent before it is closed (1013)
 * @param maxFrameSize             the largest frame a client may send; larger ones get a {@code frame_too_large} error
 * @param maxClientFramesPerSecond frames a client may send per second on average before it is closed (1008)
 * @param clientFrameBurst         frames a client may send at once above that average
 * @param replayPageSize           how many stream entries one read of a resume fetches
 * @param resumeBufferLimit        how many live events a resuming client buffers before it reads them from
 *                                 the stream instead
 * @param jwksUri                  the api's JWKS ({@code …/.well-known/jwks.json}); empty: every token is refused
 * @param jwksCacheTtl             how long the JWKS is used before it is read again
 * @param jwksRefreshInterval      the least time between two reads of the JWKS (an unknown {@code kid} triggers one)
 * @param maxConnections           clients this gateway holds at most (1013 beyond)
 * @param maxConnectionsPerUser    connections one signed-in user may hold on this gateway (1008 beyond)
 * @param pingInterval             how often idle clients are pinged
 * @param idleTimeout              a WebSocket client silent this long (no frame, no pong) is closed as dead
 * @param drainTimeout             how long a draining gateway waits for its clients to leave before it stops anyway
 */
@ConfigurationProperties("bookhub.gateway")
public record GatewayProperties(
        @DefaultValue("8081") int port,
        @DefaultValue("0.0.0.0") String address,
        @DefaultValue("0") int ioThreads,
        @DefaultValue("auto") IoTransport ioTransport,
        @DefaultValue("10s") Duration handshakeTimeout,
        @DefaultValue("") String name,
        @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("1MB") DataSize sendBufferLimit,
        @DefaultValue("4KB") DataSize maxFrameSize,
        @DefaultValue("20") int maxClientFramesPerSecond,
        @DefaultValue("40") int clientFrameBurst,
        @DefaultValue("500") int replayPageSize,
        @DefaultValue("10000") int resumeBufferLimit,
        @DefaultValue("") String jwksUri,
        @DefaultValue("5m") Duration jwksCacheTtl,
        @DefaultValue("30s") Duration jwksRefreshInterval,
        @DefaultValue("20000") int maxConnections,
        @DefaultValue("20") int maxConnectionsPerUser,
        @DefaultValue("25s") Duration pingInterval,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("10s") Duration drainTimeout) {
}
