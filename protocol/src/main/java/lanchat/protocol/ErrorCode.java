package lanchat.protocol;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every error code the server can send in an {@code error} frame, with its wire name and whether the server
 * closes the connection after sending it. PROTOCOL.md lists the same codes; change both together.
 *
 * <p>Only the framing errors close the connection on the protocol level: after them the byte stream can no
 * longer be trusted. Content errors leave the frame boundary intact, so the connection stays open.
 */
public enum ErrorCode {
    // Framing: the byte stream is broken, the connection is closed.
    FRAME_EMPTY("frame_empty", true),
    FRAME_TOO_LARGE("frame_too_large", true),
    TRUNCATED("truncated", true),
    // Content: one bad frame, the connection stays open.
    BAD_UTF8("bad_utf8", false),
    BAD_JSON("bad_json", false),
    MISSING_TYPE("missing_type", false),
    UNKNOWN_TYPE("unknown_type", false),
    BAD_FIELD("bad_field", false),
    NICK_INVALID("nick_invalid", false),
    ROOM_INVALID("room_invalid", false),
    TEXT_INVALID("text_invalid", false),
    // Session rules.
    NOT_REGISTERED("not_registered", false),
    ALREADY_REGISTERED("already_registered", false),
    NICK_TAKEN("nick_taken", false),
    BAD_PASSWORD("bad_password", true),
    UNSUPPORTED_PROTOCOL("unsupported_protocol", true),
    NOT_IN_ROOM("not_in_room", false),
    NO_SUCH_NICK("no_such_nick", false),
    RESUME_FAILED("resume_failed", false),
    // File transfers (PROTOCOL.md section 10).
    NO_SUCH_TRANSFER("no_such_transfer", false),
    TRANSFER_INVALID("transfer_invalid", false),
    FILE_TOO_LARGE("file_too_large", false),
    TOO_MANY_TRANSFERS("too_many_transfers", false),
    // Limits.
    SERVER_FULL("server_full", true),
    TOO_MANY_CONNECTIONS("too_many_connections", true),
    TOO_MANY_ATTEMPTS("too_many_attempts", true),
    RATE_LIMITED("rate_limited", false),
    TOO_MANY_ERRORS("too_many_errors", true),
    SEND_QUEUE_EXCEEDED("send_queue_exceeded", true),
    // The server's own trouble.
    STORAGE_FAILED("storage_failed", false);

    private static final Map<String, ErrorCode> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ErrorCode::wire, Function.identity()));

    private final String wire;
    private final boolean closesConnection;

    ErrorCode(String wire, boolean closesConnection) {
        this.wire = wire;
        this.closesConnection = closesConnection;
    }

    /** The code as it appears in the {@code code} field of an {@code error} frame. */
    public String wire() {
        return wire;
    }

    /** True when the server closes the connection right after sending this error. */
    public boolean closesConnection() {
        return closesConnection;
    }

    /** The code with this wire name, or empty for a code this version does not know. */
    public static Optional<ErrorCode> fromWire(String wire) {
        return Optional.ofNullable(BY_WIRE.get(wire));
    }
}
