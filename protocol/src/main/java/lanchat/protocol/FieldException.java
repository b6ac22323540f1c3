package lanchat.protocol;

/**
 * Thrown by a message record's constructor when a field breaks its rule. The codec
 * ({@link lanchat.protocol.json.MessageCodec}) turns it into a {@link ProtocolException} with the same code; code
 * that builds messages itself sees it as the {@link IllegalArgumentException} it is.
 */
public final class FieldException extends IllegalArgumentException {
    private final ErrorCode code;

    public FieldException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
