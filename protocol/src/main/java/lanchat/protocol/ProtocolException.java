package lanchat.protocol;

import java.io.IOException;

/**
 * Bad bytes from a peer: a frame or message that breaks the protocol. Carries the {@link ErrorCode} that goes
 * back to the peer in an {@code error} frame; {@link #closesConnection()} says whether the stream can still be
 * trusted afterwards.
 */
public final class ProtocolException extends IOException {
    private final ErrorCode code;

    public ProtocolException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ProtocolException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public boolean closesConnection() {
        return code.closesConnection();
    }
}
