package live.bookhub.gateway.client;

import org.slf4j.spi.LoggingEventBuilder;

/**
 * The ids a log line about one client carries as fields of their own in JSON logs
 * ({@code logging.structured.format.console}): its connection, its user, its position in the stream.
 * In text logs they stay in the message as before.
 */
public final class ClientLog {

    private ClientLog() {
    }

    public static LoggingEventBuilder about(LoggingEventBuilder line, ClientSession session) {
        line.addKeyValue("connectionId", session.id());
        if (session.viewer().userId() != null) {
            line.addKeyValue("userId", session.viewer().userId());
        }
        if (session.position() != null) {
            line.addKeyValue("eventId", session.position().toString());
        }
        return line;
    }
}
