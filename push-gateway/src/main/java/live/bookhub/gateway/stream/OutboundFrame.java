package live.bookhub.gateway.stream;

/** Something a client is sent: an envelope or one of the gateway's own frames, as JSON encoded once. */
public interface OutboundFrame {

    /** The frame's {@code type}: SSE sends it as the {@code event:} line. */
    String type();

    String json();

    /** The JSON as UTF-8, encoded once for every recipient. */
    byte[] utf8();

    /** The stream id an SSE client resumes from ({@code id:} line), or {@code null} for the gateway's own frames. */
    String eventId();
}
