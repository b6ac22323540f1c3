package lanchat.protocol;

import java.io.IOException;

/**
 * Bad bytes from a peer: a frame or message that breaks the protocol. Carries the {@link ErrorCode} that goes
 * back to the peer in an {@code error} frame; {@link #closesConnection()} says whether the stream can still be
 * trusted afterwards. {@link #ref()} is the {@code ref} of the frame that failed, when the frame got far enough
 * (a JSON object) for it to be read, so the error sent back can carry it.
 */
public final class ProtocolException extends IOException {
    private final ErrorCode code;
    private final String ref;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    public ProtocolException(ErrorCode code, String message, Throwable cause) {
        this(code, message, cause, null);
    }

    private ProtocolException(ErrorCode code, String message, Throwable cause, String ref) {
        super(message, cause);
        this.code = code;
        this.ref = ref;
    }

    /** The same error, carrying the {@code ref} of the frame it is about (null for none). */
    public ProtocolException withRef(String ref) {
        return new ProtocolException(code, getMessage(), getCause(), ref);
    }

    /** The failed frame's {@code ref}, or null when it had none or could not be read. */
    public String ref() {
        return ref;
    }

    public ErrorCode code() {
        return code;
    }

    public boolean closesConnection() {
        return code.closesConnection();
    }
}
