package live.bookhub.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;

import live.bookhub.events.EnvelopeCodec;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;

/** The rule: a change is selected when the book matched before or after it; odd documents never throw. */
class BookFilterTest {

    private final FilterReader reader = new FilterReader(new FilterProperties(100, 10, DataSize.ofKilobytes(3)));

    @Test
    void anUpdateIsSelectedWhenTheBookMatchedBeforeOrAfterIt() {
        BookFilter cheap = filter("{\"price\":{\"max\":1000}}");

        assertThat(cheap.selects(update("{\"id\":\"a\",\"price\":1500}", "\"before\":{\"price\":900}"))).as("leaves").isTrue();
        assertThat(cheap.selects(update("{\"id\":\"a\",\"price\":900}", "\"before\":{\"price\":1500}"))).as("enters").isTrue();
        assertThat(cheap.selects(update("{\"id\":\"a\",\"price\":1600}", "\"before\":{\"price\":1500}"))).as("stays out").isFalse();
        assertThat(cheap.selects(update("{\"id\":\"a\",\"price\":1000}", "\"before\":{\"price\":1000}"))).as("bounds are inclusive").isTrue();
    }

    @Test
    void aFieldTheBeforeValuesLackWasMissingBeforeTheChange() {
        BookFilter fantasy = filter("{\"genre\":[\"fantasy\"]}");

        assertThat(fantasy.selects(update("{\"id\":\"a\",\"genre\":\"scifi\"}", "\"before\":{}"))).isFalse();
        assertThat(fantasy.selects(update("{\"id\":\"a\",\"genre\":\"scifi\"}", "\"before\":{\"genre\":\"fantasy\"}"))).isTrue();
    }

    @Test
    void withoutBeforeValuesTheChangedFieldsCountAsUnknownBeforeSoTheChangeIsSentRatherThanMissed() {
        BookFilter cheapFantasy = filter("{\"genre\":[\"fantasy\"],\"price\":{\"max\":1000}}");

        assertThat(cheapFantasy.selects(update("{\"id\":\"a\",\"genre\":\"fantasy\",\"price\":1500}", "\"changed\":[\"price\"]"))).isTrue();
        assertThat(cheapFantasy.selects(update("{\"id\":\"a\",\"genre\":\"scifi\",\"price\":1500}", "\"changed\":[\"price\"]"))).isFalse();
        assertThat(cheapFantasy.selects(update("{\"id\":\"a\",\"genre\":\"scifi\",\"price\":1500}", "\"truncated\":true"))).isTrue();
    }

    @Test
    void aDeleteIsJudgedOnItsPreImageAndOneWithoutReachesEveryFilterOfItsId() {
        BookFilter fantasy = filter("{\"genre\":[\"fantasy\"]}");

        assertThat(fantasy.selects(change("book:deleted", "{\"id\":\"a\",\"genre\":\"fantasy\"}", ""))).isTrue();
        assertThat(fantasy.selects(change("book:deleted", "{\"id\":\"a\",\"genre\":\"scifi\"}", ""))).isFalse();
        assertThat(fantasy.selects(change("book:deleted", "{\"id\":\"a\"}", ""))).isTrue();
        assertThat(filter("{\"ids\":[\"b\"]}").selects(change("book:deleted", "{\"id\":\"a\"}", ""))).isFalse();
    }

    @Test
    void oddDocumentsDoNotMatchAndNeverThrow() {
        BookFilter filter = filter("{\"ids\":[\"a\"],\"author\":[\"Le Guin\"],\"year\":{\"min\":1960}}");

        assertThat(filter.selects(change("book:created", "{\"id\":\"a\",\"author\":[\"Le Guin\"],\"year\":\"1969\"}", ""))).isFalse();
        assertThat(filter.selects(change("book:created", "{\"id\":{\"$oid\":\"a\"},\"author\":\"Le Guin\",\"year\":1969}", ""))).isFalse();
        assertThat(filter.selects(change("book:created", "{\"id\":\"a\",\"author\":\"Le Guin\",\"year\":1969.5}", ""))).isTrue();
        assertThat(filter.selects(change("book:created", "{\"id\":\"a\",\"author\":null,\"year\":1e400}", ""))).isFalse();
        assertThat(BookChange.of(json("{\"type\":\"book:created\",\"data\":\"not a book\"}"))).isNull();
    }

    @Test
    void filtersThatMeanTheSameAreEqual() {
        BookFilter first = filter("{\"ids\":[\"b\",\"a\",\"b\"],\"price\":{\"min\":10.50,\"max\":20}}");
        BookFilter second = filter("{\"price\":{\"max\":2E+1,\"min\":10.5},\"ids\":[\"a\",\"b\"]}");

        assertThat(first).isEqualTo(second).hasSameHashCodeAs(second);
        assertThat(first.toJson().toString()).isEqualTo("{\"ids\":[\"a\",\"b\"],\"price\":{\"min\":10.5,\"max\":20}}");
    }

    private BookFilter filter(String json) {
        return reader.read("s", json(json)).filter();
    }

    private static BookChange update(String data, String members) {
        return change("book:updated", data, members);
    }

    private static BookChange change(String type, String data, String members) {
        return BookChange.of(json("{\"type\":\"" + type + "\",\"topic\":\"books\",\"data\":" + data + (members.isEmpty() ? "" : "," + members) + "}"));
    }

    private static JsonNode json(String text) {
        return EnvelopeCodec.mapper().readTree(text);
    }
}
