package live.bookhub.watcher.headroom;

import java.util.HexFormat;
import java.util.Optional;

import org.bson.BsonTimestamp;

/**
 * The cluster time a resume token stands at. A token's {@code _data} is the hex of a MongoDB
 * KeyString whose first value is that time: type byte {@code 0x82} (Timestamp), then its 8 bytes
 * big-endian (seconds, then the increment). Other tokens have no time to read: empty.
 */
final class ResumeTokenTime {

    private static final String TIMESTAMP_TYPE = "82";
    private static final int TIMESTAMP_HEX_DIGITS = 16;

    private ResumeTokenTime() {
    }

    static Optional<BsonTimestamp> of(String data) {
        if (data == null || data.length() < TIMESTAMP_TYPE.length() + TIMESTAMP_HEX_DIGITS
                || !data.regionMatches(true, 0, TIMESTAMP_TYPE, 0, TIMESTAMP_TYPE.length())) {
            return Optional.empty();
        }
        String timestamp = data.substring(TIMESTAMP_TYPE.length(), TIMESTAMP_TYPE.length() + TIMESTAMP_HEX_DIGITS);
        if (!timestamp.chars().allMatch(HexFormat::isHexDigit)) {
            return Optional.empty();
        }
        return Optional.of(new BsonTimestamp(HexFormat.fromHexDigitsToLong(timestamp)));
    }
}
