package live.bookhub.api.auth;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import live.bookhub.api.system.WireValue;

/** A user's role; stored and serialized lower-case ({@code customer|admin}) as the JWT and the gateways expect. */
public enum Role implements WireValue {
    CUSTOMER("customer"),
    ADMIN("admin");

    private final String value;

    Role(String value) {
        this.value = value;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @JsonCreator
    public static Role of(String value) {
        return WireValue.parse(Role.class, value);
    }

    /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
