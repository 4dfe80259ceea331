package live.bookhub.gateway.filter;

import java.util.HashSet;
import java.util.Set;

import live.bookhub.events.Envelope;

import tools.jackson.databind.JsonNode;

/**
 * A change to a book as filters judge it: the book before the change and after it. A filter selects
 * the change when the book matched it on either side, so a book leaving a filter's range, and the
 * delete of a book that matched, still reach its subscribers.
 *
 * <p>Read from the envelope once per event: {@code data} is the book after the change (before it, for
 * a delete: the watcher sends the pre-image there); the watcher's {@code before} holds, for an update,
 * the filterable fields as they were. Without {@code before} (a collection keeping no pre-images), the
 * fields the change names in {@code changed} are unknown before it, and all of them when it names none
 * (a replace), as they are on both sides of a {@code truncated} envelope.
 *
 * @param before {@code null} for a creation
 * @param after  {@code null} for a delete
 */
public record BookChange(BookState before, BookState after) {

    private static final Set<String> NONE = Set.of();

    /**
     * @param envelope a {@code books} envelope as parsed from the stream, its {@code before} still in it (or
     *                 just the members read here: {@code type}, {@code data}, {@code changed}, {@code truncated},
     *                 {@code before})
     * @return the change, or {@code null} when the envelope is no change to a book
     */
    public static BookChange of(JsonNode envelope) {
        JsonNode data = envelope.path("data");
        if (!data.isObject()) {
            return null;
        }
        boolean truncated = envelope.path("truncated").asBoolean(false);
        Set<String> unknown = truncated ? BookState.FILTERABLE : NONE;
        return switch (envelope.path("type").asString("")) {
            case "book:created" -> new BookChange(null, BookState.of(data, unknown));
            // A delete's data is the pre-image; a lone id means the collection kept none.
            case "book:deleted" -> new BookChange(BookState.of(data, data.size() <= 1 ? BookState.FILTERABLE : unknown), null);
            case "book:updated" -> {
                BookState after = BookState.of(data, unknown);
                yield new BookChange(before(envelope, after, truncated), after);
            }
            default -> null;
        };
    }

    private static BookState before(JsonNode envelope, BookState after, boolean truncated) {
        JsonNode data = after.document();
        JsonNode before = envelope.path(Envelope.BEFORE_FIELD);
        if (truncated) {
            return BookState.of(data, BookState.FILTERABLE);
        }
        if (before.isObject()) {
            // The book as it was: its id, and the filterable fields before holds (a field it lacks was missing).
            return new BookState(after.id(), before, NONE);
        }
        JsonNode changed = envelope.path("changed");
        if (!changed.isArray()) {
            return BookState.of(data, BookState.FILTERABLE);
        }
        Set<String> unknown = new HashSet<>();
        changed.forEach(path -> {
            String top = path.asString("").split("\\.", 2)[0];
            if (BookState.FILTERABLE.contains(top)) {
                unknown.add(top);
            }
        });
        return BookState.of(data, unknown);
    }
}
