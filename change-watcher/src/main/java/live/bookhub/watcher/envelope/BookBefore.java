package live.bookhub.watcher.envelope;

import java.util.List;

import com.mongodb.client.model.changestream.ChangeStreamDocument;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A book update's {@code before}: the fields a gateway's filters read ({@code genre}, {@code author},
 * {@code price}, {@code stock}, {@code year}) as they were before the change, taken from its pre-image.
 * A gateway judges with it whether the book matched a filter before the change, and cuts it from what
 * clients get. A delete needs none: its {@code data} is the pre-image already.
 */
final class BookBefore {

    private static final Logger log = LoggerFactory.getLogger(BookBefore.class);
    private static final List<String> FILTERABLE = List.of("genre", "author", "price", "stock", "year");

    private BookBefore() {
    }

    /**
     * @return {@code null} when the change has no pre-image (a collection without
     *         {@code changeStreamPreAndPostImages}), or one that cannot be mapped: gateways then count the
     *         changed fields as unknown before the change
     */
    static <T extends Bson> ObjectNode of(ChangeStreamDocument<T> change) {
        T preImage = change.getFullDocumentBeforeChange();
        if (preImage == null) {
            return null;
        }
        try {
            return DocumentJson.fields(preImage, FILTERABLE);
        } catch (RuntimeException e) {
            log.warn("pre-image of change {} cannot be mapped, sending no before: {}", ResumeTokens.of(change.getResumeToken()), e.toString());
            return null;
        }
    }
}
