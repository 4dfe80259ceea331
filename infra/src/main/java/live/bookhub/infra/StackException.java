package live.bookhub.infra;

/** A start-up problem the user can fix; its message is printed as one line, without a stack trace. */
public final class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }
}
