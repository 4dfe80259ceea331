package live.bookhub.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import live.bookhub.embedded.mongo.ChangeStreamSpec.FullDocument;
import live.bookhub.embedded.mongo.ChangeStreamSpec.Image;

/** Renders an oplog entry as the change event MongoDB 6 sends for it. */
final class ChangeEventFactory {

    private final DocumentLookup lookup;
    private final int deploymentId;

    ChangeEventFactory(DocumentLookup lookup, int deploymentId) {
        this.lookup = lookup;
        this.deploymentId = deploymentId;
    }

    Document event(OplogEntry entry, ChangeStreamSpec spec) {
        Document event = new Document()
                .append("_id", new ResumeToken(entry.position(), deploymentId).toDocument())
                .append("operationType", entry.kind().operationType)
                .append("clusterTime", entry.timestamp())
                .append("wallTime", entry.wall());
        Document body = entry.body();
        if (spec.showExpandedEvents() && body.containsKey(OplogEntry.UUID)) {
            event.append("collectionUUID", body.get(OplogEntry.UUID));
        }
        switch (entry.kind()) {
            case INSERT -> {
                Document document = (Document) body.get(OplogEntry.DOCUMENT);
                appendCrud(event, entry, document.get("_id")).append("fullDocument", document);
            }
            case UPDATE -> {
                Object id = body.get(OplogEntry.ID);
                appendCrud(event, entry, id).append("updateDescription", body.get(OplogEntry.UPDATE_DESCRIPTION));
                appendPostImage(event, entry, spec, id);
                appendPreImage(event, entry, spec);
            }
            case REPLACE -> {
                appendCrud(event, entry, body.get(OplogEntry.ID)).append("fullDocument", body.get(OplogEntry.DOCUMENT));
                appendPreImage(event, entry, spec);
            }
            case DELETE -> {
                appendCrud(event, entry, body.get(OplogEntry.ID));
                appendPreImage(event, entry, spec);
            }
            case DROP -> event.append("ns", namespace(entry.ns()));
            case RENAME -> {
                Document to = namespace((String) body.get(OplogEntry.TO));
                event.append("ns", namespace(entry.ns())).append("to", to);
                if (spec.showExpandedEvents()) {
                    event.append("operationDescription", new Document("to", to));
                }
            }
            case DROP_DATABASE -> event.append("ns", new Document("db", entry.ns()));
            case CREATE, CREATE_INDEXES, DROP_INDEXES, MODIFY -> event.append("ns", namespace(entry.ns()))
                    .append("operationDescription", body.get(OplogEntry.DESCRIPTION));
            default -> {
                // invalidate carries nothing but its position
            }
        }
        return event;
    }

    private static Document appendCrud(Document event, OplogEntry entry, Object id) {
        return event.append("ns", namespace(entry.ns())).append("documentKey", new Document("_id", id));
    }

    private void appendPostImage(Document event, OplogEntry entry, ChangeStreamSpec spec, Object id) {
        switch (spec.fullDocument()) {
            case UPDATE_LOOKUP -> event.append("fullDocument", lookup.byId(entry.ns(), id));
            case WHEN_AVAILABLE, REQUIRED -> event.append("fullDocument",
                    image(event, entry, OplogEntry.POST_IMAGE, spec.fullDocument() == FullDocument.REQUIRED, "post-image"));
            default -> {
                // updates carry no document by default
            }
        }
    }

    private static void appendPreImage(Document event, OplogEntry entry, ChangeStreamSpec spec) {
        if (spec.preImage() != Image.OFF) {
            event.append("fullDocumentBeforeChange",
                    image(event, entry, OplogEntry.PRE_IMAGE, spec.preImage() == Image.REQUIRED, "pre-image"));
        }
    }

    /** An image recorded with the entry; a missing one is null, or MongoDB's error where it is required. */
    private static Document image(Document event, OplogEntry entry, String field, boolean required, String what) {
        Document image = (Document) entry.body().get(field);
        if (image == null && required) {
            throw ChangeStreamErrors.imageNotFound(what, event);
        }
        return image;
    }

    private static Document namespace(String ns) {
        int dot = ns.indexOf('.');
        return new Document("db", ns.substring(0, dot)).append("coll", ns.substring(dot + 1));
    }
}
