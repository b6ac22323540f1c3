package lanchat.server.history;

import java.io.IOException;

/** The {@code --data-dir} cannot be used: its message is one sentence for the person starting the server. */
public final class DataDirException extends IOException {

    DataDirException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
