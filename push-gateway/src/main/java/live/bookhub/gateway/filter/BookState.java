package live.bookhub.gateway.filter;

import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * A book as one side of a change (before it, or after it) for judging filters: its id and document,
 * and the fields whose value on that side is not known. A condition on an unknown field counts as met,
 * so a change whose old values the watcher could not supply is sent rather than missed.
 *
 * @param id       the book's id, {@code null} when the document has none that is a string
 * @param document the fields, as the envelope carries them (any JSON: a DBA may write odd types); before an
 *                 update, the watcher's {@code before}: only the filterable fields (the id is the document's after it)
 * @param unknown  the filterable fields whose value on this side is unknown
 */
public record BookState(String id, JsonNode document, Set<String> unknown) {

    /** Every field a filter can name besides {@code ids}. */
    public static final Set<String> FILTERABLE = Set.of("genre", "author", "price", "stock", "year");

    public static BookState of(JsonNode document, Set<String> unknown) {
        JsonNode id = document.path("id");
        return new BookState(id.isString() ? id.asString() : null, document, unknown);
    }

    boolean isUnknown(String field) {
        return unknown.contains(field);
    }

    JsonNode value(String field) {
        return document.path(field);
    }
}
