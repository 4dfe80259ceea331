package live.bookhub.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;
import live.bookhub.embedded.mongo.ChangeStreamSpec.FullDocument;

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
                .append("operationType", operationType(entry))
                .append("clusterTime", entry.timestamp())
                .append("wallTime", entry.wall());
        Document body = entry.body();
        switch (entry.kind()) {
            case INSERT -> {
                Document document = (Document) body.get(OplogEntry.DOCUMENT);
                appendCrud(event, entry, document.get("_id")).append("fullDocument", document);
            }
            case UPDATE -> {
                Object id = body.get(OplogEntry.ID);
                if (spec.fullDocument() == FullDocument.UPDATE_LOOKUP) {
                    event.append("fullDocument", lookup.byId(entry.ns(), id));
                } else if (spec.fullDocument() == FullDocument.WHEN_AVAILABLE) {
                    event.append("fullDocument", null);
                }
                appendCrud(event, entry, id).append("updateDescription", body.get(OplogEntry.UPDATE_DESCRIPTION));
                appendPreImage(event, spec);
            }
            case REPLACE -> {
                event.append("fullDocument", body.get(OplogEntry.DOCUMENT));
                appendCrud(event, entry, body.get(OplogEntry.ID));
                appendPreImage(event, spec);
            }
            case DELETE -> {
                appendCrud(event, entry, body.get(OplogEntry.ID));
                appendPreImage(event, spec);
            }
            case DROP -> event.append("ns", namespace(entry.ns()));
            case RENAME -> event.append("ns", namespace(entry.ns()))
                    .append("to", namespace((String) body.get(OplogEntry.TO)));
            case DROP_DATABASE -> event.append("ns", new Document("db", entry.ns()));
            default -> {
                // invalidate carries nothing but its position
            }
        }
        return event;
    }

    private static String operationType(OplogEntry entry) {
        return switch (entry.kind()) {
            case INSERT -> "insert";
            case UPDATE -> "update";
            case REPLACE -> "replace";
            case DELETE -> "delete";
            case DROP -> "drop";
            case RENAME -> "rename";
            case DROP_DATABASE -> "dropDatabase";
            default -> "invalidate";
        };
    }

    private static Document appendCrud(Document event, OplogEntry entry, Object id) {
        return event.append("ns", namespace(entry.ns())).append("documentKey", new Document("_id", id));
    }

    /** Pre-images are never recorded here: "whenAvailable" gets null, as on MongoDB without them. */
    private static void appendPreImage(Document event, ChangeStreamSpec spec) {
        if (spec.preImageField()) {
            event.append("fullDocumentBeforeChange", null);
        }
    }

    private static Document namespace(String ns) {
        int dot = ns.indexOf('.');
        return new Document("db", ns.substring(0, dot)).append("coll", ns.substring(dot + 1));
    }
}
