package live.bookhub.api.auth;

/** A user as the REST api shows it: without the password hash. */
public record UserView(String id, String username, String email, Role role, boolean disabled) {
}
