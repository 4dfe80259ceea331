package live.bookhub.events;

import java.util.Locale;

/**
 * An enum whose constants travel as text (an envelope's {@code type}, a reset's {@code reason}, a
 * metric's tag): the constant's name in lower case, {@code HISTORY_LOST} as {@code history_lost},
 * unless the enum says otherwise.
 */
public interface WireName {

    /** Implemented by every enum: {@link Enum#name()}. */
    String name();

    default String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
