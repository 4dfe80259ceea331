package live.bookhub.api.auth;

/** The authenticated caller, read from a verified JWT; the principal of every authenticated request. */
public record CurrentUser(String id, String username, Role role) {

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
