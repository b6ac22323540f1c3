package lanchat.bench;

/**
 * A benchmark that cannot go on, in one sentence for the user (the server refused a client, did not start,
 * the open-file limit is too low, ...). {@link Bench} prints the message and exits with status 1, without a
 * stack trace.
 */
final class BenchException extends RuntimeException {
    BenchException(String message) {
        super(message);
    }

    BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
