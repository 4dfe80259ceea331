package live.bookhub.embedded.mongo;

import de.bwaldvogel.mongo.wire.message.MongoMessage;

/** An OP_MSG request sent with {@code moreToCome}: the client reads no reply to it. */
final class UnacknowledgedMessage extends MongoMessage {

    UnacknowledgedMessage(MongoMessage message) {
        super(message.getChannel(), message.getHeader(), message.getDocument());
    }
}
