package live.bookhub.embedded.mongo;

import de.bwaldvogel.mongo.bson.Document;

/** Reads one document by {@code _id} through the collection's primary-key index. */
@FunctionalInterface
interface DocumentLookup {

    /** @return the document, or null when it, its collection or its database is gone */
    Document byId(String namespace, Object id);
}
