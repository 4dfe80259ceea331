package live.bookhub.api.system;

import org.bson.types.ObjectId;

/** Ids arrive as hex strings; anything else is rejected before a query is built. */
public final class Ids {

    private Ids() {
    }

    public static ObjectId parse(String value, String field) {
        if (value == null || !ObjectId.isValid(value)) {
            throw ProblemException.badRequest(field, "must be a 24-character hexadecimal id");
        }
        return new ObjectId(value);
    }
}
