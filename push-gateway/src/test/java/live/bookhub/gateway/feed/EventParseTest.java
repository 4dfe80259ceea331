package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import io.netty.buffer.ByteBuf;
import live.bookhub.events.StreamId;
import live.bookhub.events.StreamPosition;
import org.junit.jupiter.api.Test;

/**
 * An envelope parsed in one pass over its bytes: clients get exactly its bytes without the watcher's
 * before, wherever before is; the routing fields and what filters judge are read from the same pass.
 */
class EventParseTest {

    @Test
    void theBeforeMemberIsCutOutWithItsCommaWhereverItIs() {
        assertThat(sent("{\"id\":\"1-0\",\"data\":{\"price\":12.50,\"before\":1},\"before\":{\"price\":1E+3,\"genre\":\"a,\\\"b\"}}"))
                .isEqualTo("{\"id\":\"1-0\",\"data\":{\"price\":12.50,\"before\":1}}");
        assertThat(sent("{\"before\":{\"x\":[1,{\"y\":2}]}, \"id\":\"1-0\"}")).isEqualTo("{\"id\":\"1-0\"}");
        assertThat(sent("{\"id\":\"1-0\",\"before\":null,\"data\":{}}")).isEqualTo("{\"id\":\"1-0\",\"data\":{}}");
        assertThat(sent("{\"id\":\"1-0\" ,\n \"before\" : {\"stock\":2} }")).as("the comma and the space after it").isEqualTo("{\"id\":\"1-0\" }");
        assertThat(sent("{\"id\":\"1-0\"}")).isEqualTo("{\"id\":\"1-0\"}");
    }

    @Test
    void theOtherBytesAreKeptAsTheyAreNumbersUnicodeAndEscapesIncluded() {
        String data = "\"data\":{\"id\":\"a\",\"title\":\"Caf\u00e9 \\\"\u2603\\\" \\u00e9 \uD83D\uDCDA\",\"price\":1.50E2,\"stock\":-0,"
                + "\"tags\":[{\"n\":[1,2.0]}],\"before\":\"in data\"}";

        assertThat(sent("{\"id\":\"1-0\",\"type\":\"book:updated\",\"topic\":\"books\"," + data + ",\"before\":{\"price\":100.0}}"))
                .isEqualTo("{\"id\":\"1-0\",\"type\":\"book:updated\",\"topic\":\"books\"," + data + "}");
        assertThat(sent("{\"id\":\"1-0\",\"topic\":\"orders:u\"," + data + "}")).isEqualTo("{\"id\":\"1-0\",\"topic\":\"orders:u\"," + data + "}");
    }

    @Test
    void theRoutingFieldsAreRead() {
        Event event = Event.parse("{\"id\":\"1764565200000-3\",\"epoch\":\"9f3a\",\"type\":\"order:created\",\"topic\":\"orders:u1\","
                + "\"ts\":\"2026-12-01T05:00:00.123Z\",\"token\":\"82ab\",\"data\":{\"id\":\"o1\",\"items\":[{\"bookId\":\"b\"}]}}");

        assertThat(event.position()).isEqualTo(new StreamPosition("9f3a", new StreamId(1764565200000L, 3)));
        assertThat(event.topic()).isEqualTo("orders:u1");
        assertThat(event.type()).isEqualTo("order:created");
        assertThat(event.tsMillis()).isEqualTo(1796101200123L);
        assertThat(event.book()).isNull();
        assertThat(Event.parse("{\"id\":\"1-0\",\"epoch\":7}").epoch()).as("an epoch that is no string").isNull();
        assertThat(Event.parse("{\"id\":\"1-0\"}").topic()).isEmpty();
    }

    @Test
    void theWebSocketFrameHoldsTheBytesClientsGet() {
        String json = "{\"id\":\"1-0\",\"data\":{\"title\":\"" + "x".repeat(200) + "\u00e9\"},\"before\":{}}";

        ByteBuf frame = Event.parse(json.getBytes(StandardCharsets.UTF_8)).webSocketFrame();

        byte[] payload = json.replace(",\"before\":{}", "").getBytes(StandardCharsets.UTF_8);
        assertThat(frame.getByte(0)).isEqualTo((byte) 0x81);
        assertThat(frame.getByte(1)).as("a 16-bit length follows").isEqualTo((byte) 126);
        assertThat(frame.getUnsignedShort(2)).isEqualTo(payload.length);
        assertThat(frame.readableBytes()).isEqualTo(4 + payload.length);
        byte[] sent = new byte[payload.length];
        frame.getBytes(4, sent);
        assertThat(sent).isEqualTo(payload);
    }

    @Test
    void aBookUpdateIsJudgedOnBeforeWhereverTheMembersAre() {
        Event event = Event.parse("{\"id\":\"1-0\",\"epoch\":\"e\",\"type\":\"book:updated\",\"topic\":\"books\",\"data\":{\"id\":\"a\",\"price\":1500},"
                + "\"changed\":[\"price\"],\"before\":{\"price\":900}}");

        assertThat(event.json()).isEqualTo("{\"id\":\"1-0\",\"epoch\":\"e\",\"type\":\"book:updated\",\"topic\":\"books\",\"data\":{\"id\":\"a\",\"price\":1500},"
                + "\"changed\":[\"price\"]}");
        assertThat(event.book().before().id()).isEqualTo("a");
        assertThat(event.book().before().document().path("price").asInt()).isEqualTo(900);
        assertThat(event.book().after().document().path("price").asInt()).isEqualTo(1500);

        Event topicLast = Event.parse("{\"before\":{\"genre\":\"scifi\"},\"data\":{\"id\":\"a\",\"genre\":\"fantasy\"},\"id\":\"1-0\","
                + "\"type\":\"book:updated\",\"topic\":\"books\"}");
        assertThat(topicLast.book().before().document().path("genre").asString()).isEqualTo("scifi");
        assertThat(topicLast.book().after().document().path("genre").asString()).isEqualTo("fantasy");
        assertThat(Event.parse("{\"id\":\"1-0\",\"type\":\"book:updated\",\"topic\":\"admin\",\"data\":{\"id\":\"a\"}}").book()).isNull();
    }

    @Test
    void aMessageThatIsNotOneEnvelopeIsRefused() {
        for (String bad : new String[] {"", "[1]", "{\"id\":\"1-0\"", "{\"id\":\"1-0\"} {}", "{\"id\":\"1-0\",\"data\":\"\\q\"}",
                "{\"type\":\"book:created\"}", "{\"id\":{\"ms\":1}}"}) {
            assertThatThrownBy(() -> Event.parse(bad)).as(bad).isInstanceOf(RuntimeException.class);
        }
        byte[] notUtf8 = "{\"id\":\"1-0\",\"token\":\"a\u00e9b\"}".getBytes(StandardCharsets.UTF_8);
        notUtf8[notUtf8.length - 4] = (byte) 0xff;
        assertThatThrownBy(() -> Event.parse(notUtf8)).as("no UTF-8: a WebSocket client would fail on it").isInstanceOf(RuntimeException.class);
    }

    private static String sent(String json) {
        return Event.parse(json).json();
    }
}
