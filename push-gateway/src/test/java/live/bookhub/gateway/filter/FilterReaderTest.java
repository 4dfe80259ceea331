package live.bookhub.gateway.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import live.bookhub.events.EnvelopeCodec;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Every bad filter is refused with the field it concerns; a connect keeps the good subscriptions. */
class FilterReaderTest {

    private final FilterReader reader = new FilterReader(new FilterProperties(3, 10, DataSize.ofBytes(200)));

    @Test
    void eachBadFilterNamesItsField() {
        assertThat(field("cart", "{\"colour\":[\"red\"]}")).isEqualTo("colour");
        assertThat(field("cart", "{\"genre\":\"fantasy\"}")).isEqualTo("genre");
        assertThat(field("cart", "{\"author\":[1]}")).isEqualTo("author");
        assertThat(field("cart", "{\"stock\":5}")).isEqualTo("stock");
        assertThat(field("cart", "{\"year\":{\"min\":\"1990\"}}")).isEqualTo("year.min");
        assertThat(field("cart", "{\"year\":{\"from\":1990}}")).isEqualTo("year.from");
        assertThat(field("cart", "{\"price\":{\"min\":10,\"max\":5}}")).isEqualTo("price.min");
        assertThat(field("cart", "{\"ids\":[\"a\",\"b\",\"c\",\"d\"]}")).isEqualTo("ids");
        assertThat(field("cart", "{\"genre\":[\"" + "g".repeat(200) + "\"]}")).isEqualTo("filter");
        assertThat(field("cart", "[]")).isEqualTo("filter");
        assertThat(field("", "{}")).isEqualTo("sub");
        assertThat(field("a b", "{}")).isEqualTo("sub");
        assertThat(field("x".repeat(65), "{}")).isEqualTo("sub");
    }

    @Test
    void aConnectParameterIsOneFilterOrAListOfSubscriptionsAndKeepsTheGoodOnes() {
        List<BadFilter> refused = new ArrayList<>();
        assertThat(reader.readConnect("{\"ids\":[\"a\"]}", refused)).extracting(Subscription::sub).containsExactly("books");

        List<Subscription> read = reader.readConnect("[{\"sub\":\"cart\",\"filter\":{\"ids\":[\"a\"]}},"
                + "{\"sub\":\"bad\",\"filter\":{\"price\":{\"min\":2,\"max\":1}}},{\"sub\":\"all\",\"filter\":{}}]", refused);

        assertThat(read).extracting(Subscription::sub).containsExactly("cart", "all");
        assertThat(refused).extracting(BadFilter::sub, BadFilter::field).containsExactly(org.assertj.core.groups.Tuple.tuple("bad", "price.min"));
        assertThat(reader.readConnect("{nope", refused)).isEmpty();
        assertThat(refused.get(1).field()).isEqualTo("filter");
    }

    private String field(String sub, String filter) {
        BadFilter refusal = catchThrowableOfType(BadFilter.class, () -> reader.read(sub, EnvelopeCodec.mapper().readTree(filter)));
        assertThat(refusal).as(filter).isNotNull();
        assertThat(refusal.getMessage()).isNotBlank();
        return refusal.field();
    }
}
