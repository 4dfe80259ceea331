package live.bookhub.gateway.auth;

/**
 * Where a client may put its JWT, in this order: the {@code access_token} query parameter (what a
 * browser WebSocket or EventSource can set), an {@code Authorization: Bearer} header, or the api's
 * {@code bookhub_token} cookie.
 */
final class BearerTokens {

    static final String QUERY_PARAMETER = "access_token";
    static final String COOKIE = "bookhub_token";
    private static final String BEARER = "bearer ";

    private BearerTokens() {
    }

    /** The token, or {@code null} when none of the three carries one. */
    static String find(String queryToken, String authorization, String cookieHeader) {
        if (queryToken != null && !queryToken.isBlank()) {
            return queryToken.trim();
        }
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return authorization.substring(BEARER.length()).trim();
        }
        return cookieHeader == null ? null : cookie(cookieHeader);
    }

    private static String cookie(String header) {
        for (String pair : header.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).trim().equals(COOKIE)) {
                String value = pair.substring(equals + 1).trim();
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }
}
