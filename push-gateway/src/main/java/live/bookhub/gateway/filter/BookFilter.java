package live.bookhub.gateway.filter;

import java.util.SortedSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A client's filter on {@code books}, in canonical form: every condition is optional and they are
 * AND-ed; lists are sorted sets and bounds normalized, so two filters that mean the same are equal and
 * their subscribers share one group, judged once per event. Never throws on an odd document: a field
 * of the wrong type simply does not match.
 *
 * @param ids    book ids, or {@code null} for any
 * @param genre  genres, or {@code null} for any
 * @param author authors, or {@code null} for any
 */
public record BookFilter(SortedSet<String> ids, SortedSet<String> genre, SortedSet<String> author,
                         Range price, Range stock, Range year) {

    /**
     * The one rule, live and in a replay: the change is selected when the book matched before it or
     * after it.
     */
    public boolean selects(BookChange change) {
        return change.before() != null && matches(change.before())
                || change.after() != null && matches(change.after());
    }

    boolean matches(BookState book) {
        return (ids == null || book.id() != null && ids.contains(book.id()))
                && oneOf(genre, book, "genre")
                && oneOf(author, book, "author")
                && within(price, book, "price")
                && within(stock, book, "stock")
                && within(year, book, "year");
    }

    /** The canonical JSON: what {@code subscribed} echoes. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        list(json, "ids", ids);
        list(json, "genre", genre);
        list(json, "author", author);
        range(json, "price", price);
        range(json, "stock", stock);
        range(json, "year", year);
        return json;
    }

    private static boolean oneOf(SortedSet<String> allowed, BookState book, String field) {
        if (allowed == null || book.isUnknown(field)) {
            return true;
        }
        JsonNode value = book.value(field);
        return value.isString() && allowed.contains(value.asString());
    }

    private static boolean within(Range range, BookState book, String field) {
        return range == null || book.isUnknown(field) || range.contains(book.value(field));
    }

    private static void list(ObjectNode json, String name, SortedSet<String> values) {
        if (values != null) {
            values.forEach(json.putArray(name)::add);
        }
    }

    private static void range(ObjectNode json, String name, Range range) {
        if (range != null) {
            json.set(name, range.toJson());
        }
    }
}
