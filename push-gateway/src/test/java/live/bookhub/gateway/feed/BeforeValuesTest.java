package live.bookhub.gateway.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Clients get the envelope without the watcher's before, its other bytes untouched. */
class BeforeValuesTest {

    @Test
    void theBeforeMemberIsCutOutWithItsCommaWhereverItIs() {
        assertThat(BeforeValues.strip("{\"id\":\"1-0\",\"data\":{\"price\":12.50,\"before\":1},\"before\":{\"price\":1E+3,\"genre\":\"a,\\\"b\"}}"))
                .isEqualTo("{\"id\":\"1-0\",\"data\":{\"price\":12.50,\"before\":1}}");
        assertThat(BeforeValues.strip("{\"before\":{\"x\":[1,{\"y\":2}]}, \"id\":\"1-0\"}")).isEqualTo("{\"id\":\"1-0\"}");
        assertThat(BeforeValues.strip("{\"id\":\"1-0\",\"before\":null,\"data\":{}}")).isEqualTo("{\"id\":\"1-0\",\"data\":{}}");
        assertThat(BeforeValues.strip("{\"id\":\"1-0\"}")).isEqualTo("{\"id\":\"1-0\"}");
    }

    @Test
    void anEventParsedFromTheLiveCopyCarriesNoBefore() {
        Event event = Event.parse("{\"id\":\"1-0\",\"epoch\":\"e\",\"type\":\"book:updated\",\"topic\":\"books\",\"data\":{\"id\":\"a\",\"price\":1500},"
                + "\"changed\":[\"price\"],\"before\":{\"price\":900}}");

        assertThat(event.json()).isEqualTo("{\"id\":\"1-0\",\"epoch\":\"e\",\"type\":\"book:updated\",\"topic\":\"books\",\"data\":{\"id\":\"a\",\"price\":1500},"
                + "\"changed\":[\"price\"]}");
        assertThat(event.book().before().document().path("price").asInt()).isEqualTo(900);
        assertThat(event.book().after().document().path("price").asInt()).isEqualTo(1500);
    }
}
