package live.bookhub.watcher.stream;

import java.util.Optional;

/**
 * Resume tokens' {@code _data} strings are hex encodings of MongoDB key strings, which sort
 * bytewise in oplog order; comparing the strings compares the positions.
 */
final class ResumeTokens {

    private ResumeTokens() {
    }

    static Optional<String> newer(Optional<String> first, Optional<String> second) {
        if (first.isEmpty()) {
            return second;
        }
        if (second.isEmpty()) {
            return first;
        }
        return first.get().compareTo(second.get()) >= 0 ? first : second;
    }
}
