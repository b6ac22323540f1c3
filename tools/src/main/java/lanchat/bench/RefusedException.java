package lanchat.bench;

import java.io.IOException;

/**
 * The server answered a request of a benchmark client with an {@code error} event: {@link #code()} is its
 * wire code ({@code server_full}, {@code nick_taken}, ...), the message says whose request and what the
 * server said.
 */
final class RefusedException extends IOException {
    private final String code;

    RefusedException(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
