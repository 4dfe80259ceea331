package live.bookhub.gateway.auth;

/**
 * Who is on the other end of a connection: a verified user, or anonymous.
 *
 * @param userId the JWT subject, {@code null} when anonymous
 * @param role   {@code customer} or {@code admin}, {@code null} when anonymous
 */
public record Viewer(String userId, String role) {

    public static final Viewer ANONYMOUS = new Viewer(null, null);

    public boolean isAdmin() {
        return "admin".equals(role);
    }
}
