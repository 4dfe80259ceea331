package live.bookhub.watcher.replay;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import live.bookhub.watcher.replay.ReplayException.Reason;

/**
 * What a developer asked to replay: the changes after a resume token, up to an optional end (a token,
 * included, or an instant), then stop, or {@code follow} on with new changes.
 *
 * @param after  the {@code token} of an envelope (a change stream resume token's {@code _data})
 * @param until  the last token to print, or null
 * @param before print only changes at or before this instant, or null
 * @param follow keep printing new changes (until {@code until} or {@code before}, if given)
 */
public record ReplayRequest(String after, String until, Instant before, boolean follow) {

    /** Resume tokens are hex strings; their length is the server's business. */
    private static final int MAX_TOKEN_LENGTH = 1024;

    /**
     * @param until a token, or an ISO-8601 instant ({@code 2026-11-22T10:00:00Z}), or null
     * @throws ReplayException when the token is malformed or {@code until} is neither
     */
    public static ReplayRequest of(String after, String until, boolean follow) {
        if (after == null || after.isBlank()) {
            throw new ReplayException(Reason.BAD_ARGUMENT, "--after <token> is required: the token of the last event you have");
        }
        if (!isToken(after)) {
            throw new ReplayException(Reason.MALFORMED_TOKEN, "malformed token '" + shorten(after)
                    + "': a resume token is the hex string in an envelope's \"token\"");
        }
        // Servers write tokens in upper case; comparing them as strings needs one case.
        String from = after.toUpperCase(Locale.ROOT);
        if (until == null || until.isBlank()) {
            return new ReplayRequest(from, null, null, follow);
        }
        if (isToken(until)) {
            return new ReplayRequest(from, until.toUpperCase(Locale.ROOT), null, follow);
        }
        try {
            return new ReplayRequest(from, null, Instant.parse(until), follow);
        } catch (DateTimeParseException e) {
            throw new ReplayException(Reason.BAD_ARGUMENT, "until '" + shorten(until)
                    + "' is neither a token nor an ISO-8601 instant such as 2026-11-22T10:00:00Z");
        }
    }

    /** Whether a change at this token and time is still to be printed. */
    boolean includes(String token, Instant time) {
        return (until == null || token.compareTo(until) <= 0) && (before == null || !time.isAfter(before));
    }

    /** Whether a follow that has caught up at {@code now} can end: nothing later is asked for. */
    boolean isOver(Instant now) {
        return before != null && now.isAfter(before);
    }

    /** Whether the change at this token is the last one asked for. */
    boolean endsAt(String token) {
        return until != null && token.compareTo(until) >= 0;
    }

    private static boolean isToken(String value) {
        return !value.isEmpty() && value.length() <= MAX_TOKEN_LENGTH
                && value.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'));
    }

    private static String shorten(String value) {
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() <= 64 ? oneLine : oneLine.substring(0, 64) + "…";
    }
}
