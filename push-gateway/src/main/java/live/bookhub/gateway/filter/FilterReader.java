package live.bookhub.gateway.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

import live.bookhub.events.EnvelopeCodec;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks what a client sends as a filter, from a {@code subscribe} op or a connect's
 * {@code filter} parameter, into a {@link BookFilter}; anything else is a {@link BadFilter} naming the
 * field, within the limits of {@link FilterProperties}.
 */
@Component
public class FilterReader {

    private static final Pattern SUB = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");
    private static final List<String> LISTS = List.of("ids", "genre", "author");
    private static final List<String> RANGES = List.of("price", "stock", "year");

    private final FilterProperties limits;

    public FilterReader(FilterProperties limits) {
        this.limits = limits;
    }

    /**
     * A connect's {@code filter} parameter: one filter object (a subscription with id
     * {@link Subscription#DEFAULT_SUB}) or an array of {@code {"sub":…,"filter":…}}. Each entry is read
     * on its own: the good ones are kept.
     *
     * @param refused gets the entries refused
     */
    public List<Subscription> readConnect(String parameter, List<BadFilter> refused) {
        JsonNode json;
        try {
            json = EnvelopeCodec.mapper().readTree(parameter);
        } catch (JacksonException e) {
            refused.add(new BadFilter(null, "filter", "the filter parameter is not JSON"));
            return List.of();
        }
        if (json == null || !json.isArray()) {
            return readEach(List.of(Map.entry(Subscription.DEFAULT_SUB, json == null ? EnvelopeCodec.mapper().missingNode() : json)), refused);
        }
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        for (JsonNode entry : json) {
            entries.add(Map.entry(entry.path("sub").isString() ? entry.path("sub").asString() : "", entry.path("filter")));
        }
        return readEach(entries, refused);
    }

    /** One subscription: its id as the client sent it (a string, or {@code null}) and its filter. */
    public Subscription read(String sub, JsonNode filter) {
        if (sub == null || !SUB.matcher(sub).matches()) {
            throw new BadFilter(sub == null ? null : abbreviate(sub), "sub", "sub must be 1 to 64 characters of A-Z a-z 0-9 _ . : -");
        }
        if (!filter.isObject()) {
            throw new BadFilter(sub, "filter", "a filter is a JSON object");
        }
        if (filter.toString().length() > limits.maxFilterSize().toBytes()) {
            throw new BadFilter(sub, "filter", "a filter may be at most " + limits.maxFilterSize().toBytes() + " bytes of JSON");
        }
        for (String field : filter.propertyNames()) {
            if (!LISTS.contains(field) && !RANGES.contains(field)) {
                throw new BadFilter(sub, abbreviate(field), "unknown field; a filter has ids, genre, author, price, stock and year");
            }
        }
        return new Subscription(sub, new BookFilter(list(sub, filter, "ids"), list(sub, filter, "genre"), list(sub, filter, "author"),
                range(sub, filter, "price"), range(sub, filter, "stock"), range(sub, filter, "year")));
    }

    private List<Subscription> readEach(List<Map.Entry<String, JsonNode>> entries, List<BadFilter> refused) {
        List<Subscription> read = new ArrayList<>();
        for (Map.Entry<String, JsonNode> entry : entries) {
            try {
                read.add(read(entry.getKey(), entry.getValue()));
            } catch (BadFilter e) {
                refused.add(e);
            }
        }
        return read;
    }

    private SortedSet<String> list(String sub, JsonNode filter, String field) {
        if (!filter.has(field)) {
            return null;
        }
        JsonNode values = filter.get(field);
        if (!values.isArray()) {
            throw new BadFilter(sub, field, field + " is a list of strings");
        }
        if (values.size() > limits.maxListSize()) {
            throw new BadFilter(sub, field, field + " may hold at most " + limits.maxListSize() + " values");
        }
        SortedSet<String> set = new TreeSet<>();
        for (JsonNode value : values) {
            if (!value.isString()) {
                throw new BadFilter(sub, field, field + " is a list of strings");
            }
            set.add(value.asString());
        }
        return set;
    }

    private static Range range(String sub, JsonNode filter, String field) {
        if (!filter.has(field)) {
            return null;
        }
        JsonNode range = filter.get(field);
        if (!range.isObject()) {
            throw new BadFilter(sub, field, field + " is an object {\"min\":n,\"max\":n}");
        }
        for (String bound : range.propertyNames()) {
            if (!bound.equals("min") && !bound.equals("max")) {
                throw new BadFilter(sub, field + "." + abbreviate(bound), "unknown field; a range has min and max");
            }
        }
        BigDecimal min = bound(sub, range, field, "min");
        BigDecimal max = bound(sub, range, field, "max");
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new BadFilter(sub, field + ".min", field + ".min is greater than " + field + ".max");
        }
        return new Range(min, max);
    }

    private static BigDecimal bound(String sub, JsonNode range, String field, String name) {
        if (!range.has(name) || range.get(name).isNull()) {
            return null;
        }
        JsonNode bound = range.get(name);
        if (!bound.isNumber() || bound.isFloatingPointNumber() && !Double.isFinite(bound.asDouble())) {
            throw new BadFilter(sub, field + "." + name, field + "." + name + " is a number");
        }
        return bound.decimalValue();
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
