package lanchat.server.tls;

import java.io.IOException;

/** The server's key file cannot be read or written: its message is one sentence for the person starting it. */
public final class KeyFileException extends IOException {

    KeyFileException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
