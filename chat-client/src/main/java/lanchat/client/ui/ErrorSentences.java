package lanchat.client.ui;

import lanchat.client.net.ConnectionEnd;
import lanchat.client.net.ConnectionFailure;
import lanchat.client.net.LoginRefused;
import lanchat.client.session.Wording;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;

/**
 * Turns a server {@code error} into a sentence a person can act on: "nick 'bob' is taken — choose another with
 * /nick" rather than {@code nick_taken}. The command the error answers (matched by its {@code ref}) fills in the
 * details; without it the sentence is more general. The server's own message is added only where the code alone
 * says too little.
 *
 * <p>The result may contain text from the server: print it through {@link Neutraliser}. Stateless.
 */
public final class ErrorSentences {
    private ErrorSentences() {
    }

    /** The sentences the session uses while it reconnects. */
    public static final Wording WORDING = new Wording() {
        @Override
        public String connectionEnded(ConnectionEnd end) {
            return ErrorSentences.connectionEnded(end);
        }

        @Override
        public String connectionFailed(ConnectionFailure failure) {
            return ErrorSentences.connectionFailed(failure);
        }

        @Override
        public String loginRefused(LoginRefused refused) {
            return refusedLogin(refused);
        }
    };

    /** One sentence for how a connection ended, e.g. "the server at localhost:7777 closed the connection: bye". */
    public static String connectionEnded(ConnectionEnd end) {
        if (end.failure() != null) {
            return "lost the connection to " + end.peer() + ": " + Neutraliser.neutralise(end.failure());
        }
        String closed = "the server at " + end.peer() + " closed the connection";
        return end.byeReason() == null ? closed : closed + ": " + Neutraliser.neutralise(end.byeReason());
    }

    /** One sentence for a failed connection: how it ended when the server closed it, else the failure's own. */
    public static String connectionFailed(ConnectionFailure failure) {
        return failure.end() != null ? connectionEnded(failure.end()) : failure.getMessage();
    }

    /** One sentence for a refused login; see {@link #describeRefusedLogin}. */
    public static String refusedLogin(LoginRefused refused) {
        return describeRefusedLogin(refused.error(), refused.hello(), refused.peer());
    }

    /** A sentence for an error received during a session; {@code answers} may be null. */
    static String describe(Event.Error error, Command answers) {
        return ErrorCode.fromWire(error.code())
                .map(code -> sentence(code, error.message(), answers))
                .orElseGet(() -> "the server reported an error (" + error.code() + "): " + error.message());
    }

    /**
     * A sentence for an error that answered {@code hello}: "nick 'bob' is already taken on localhost:7777", or
     * "localhost:7777 refused the login: the server is full — try again later".
     */
    static String describeRefusedLogin(Event.Error error, Command.Hello hello, String peer) {
        if (ErrorCode.fromWire(error.code()).orElse(null) == ErrorCode.NICK_TAKEN) {
            return "nick '" + hello.nick() + "' is already taken on " + peer;
        }
        return peer + " refused the login: " + describe(error, hello);
    }

    private static String sentence(ErrorCode code, String message, Command answers) {
        return switch (code) {
            case FRAME_EMPTY, FRAME_TOO_LARGE, TRUNCATED, BAD_UTF8, BAD_JSON, MISSING_TYPE, UNKNOWN_TYPE, BAD_FIELD ->
                    "the server could not read what this client sent (" + code.wire() + "): " + message;
            case NICK_INVALID -> phrase("nick", nickOf(answers)) + " is not valid: " + FieldRules.NICK_RULE;
            case ROOM_INVALID -> phrase("room name", roomOf(answers)) + " is not valid: " + FieldRules.ROOM_RULE;
            case TEXT_INVALID -> "the server refused that text: " + message;
            case NOT_REGISTERED -> "the server has not accepted this client's hello yet";
            case ALREADY_REGISTERED -> "this client is already logged in";
            case NICK_TAKEN -> phrase("nick", nickOf(answers)) + " is taken — choose another with /nick";
            case BAD_PASSWORD -> "the server refused the password — check --password";
            case UNSUPPORTED_PROTOCOL -> "the server speaks another protocol version than this client ("
                    + FieldRules.PROTOCOL_VERSION + "): " + message;
            case NOT_IN_ROOM -> notInRoom(answers);
            case NO_SUCH_NICK -> noSuchNick(nickOf(answers));
            case RESUME_FAILED -> "the previous session could not be resumed; this is a new one";
            case SERVER_FULL -> "the server is full — try again later";
            case TOO_MANY_CONNECTIONS -> "this machine has too many connections to the server: " + message;
            case TOO_MANY_ATTEMPTS -> "too many wrong passwords from this machine: " + message;
            case RATE_LIMITED -> "slow down: you are sending faster than the server allows, and that was dropped";
            case TOO_MANY_ERRORS -> "the server gave up on this connection after too many errors";
            case SEND_QUEUE_EXCEEDED -> "the server dropped this connection because it was not keeping up";
            case NO_SUCH_TRANSFER -> "that file transfer is not in progress any more: " + message;
            case TRANSFER_INVALID -> "the server refused a file transfer frame: " + message;
            case FILE_TOO_LARGE -> "the file is too large for this server: " + message;
            case TOO_MANY_TRANSFERS -> "too many file transfers at once: " + message;
            case STORAGE_FAILED -> "the server could not store that message (its disk may be full), so nobody got "
                    + "it — try again later";
        };
    }

    private static String notInRoom(Command answers) {
        String room = roomOf(answers);
        return room == null ? "you are not in that room — /join it first" : "you are not in #" + room
                + " — /join it first";
    }

    private static String noSuchNick(String nick) {
        return nick == null ? "nobody with that nick is online" : "nobody called '" + nick + "' is online";
    }

    /** "nick 'bob'" when the value is known, else "that nick". */
    private static String phrase(String noun, String value) {
        return value == null ? "that " + noun : noun + " '" + value + "'";
    }

    private static String nickOf(Command command) {
        return switch (command) {
            case Command.Hello hello -> hello.nick();
            case Command.Nick nick -> nick.nick();
            case Command.Whisper whisper -> whisper.to();
            case null, default -> null;
        };
    }

    private static String roomOf(Command command) {
        return switch (command) {
            case Command.Join join -> join.room();
            case Command.Leave leave -> leave.room();
            case Command.Say say -> say.room();
            case Command.Who who -> who.room();
            case null, default -> null;
        };
    }
}
