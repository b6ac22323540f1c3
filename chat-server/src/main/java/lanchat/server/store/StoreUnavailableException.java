package lanchat.server.store;

/**
 * The shared store (Redis) cannot be reached right now, so the operation was not done — or, for a command that
 * was on its way when the connection broke, its outcome is unknown. Thrown at once rather than after a queue
 * fills up; the store reconnects by itself, so a later call may succeed. The server maps it to the
 * {@code store_unavailable} error code.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
