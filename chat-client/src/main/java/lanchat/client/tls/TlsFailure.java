package lanchat.client.tls;

import java.io.IOException;

/**
 * The TLS connection was not made: a changed or untrusted key, or a handshake that failed. The message is for the
 * user, printed as it is, without a stack trace.
 */
public final class TlsFailure extends IOException {

    TlsFailure(String sentence) {
        super(sentence);
    }

    TlsFailure(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
