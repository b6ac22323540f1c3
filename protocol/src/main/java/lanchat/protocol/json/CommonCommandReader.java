package lanchat.protocol.json;

import java.nio.charset.StandardCharsets;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.FieldException;

/**
 * The fast path of {@link MessageCodec#decodeCommand}: reads the commands a client sends all the time ({@code say}
 * above all, and the other ones whose fields are all strings or booleans) in one pass over the text, straight into
 * the record, without building a JSON tree or going through reflection.
 *
 * <p>It understands only a plain subset of strict JSON: one flat object of known keys, strings without escapes or
 * control characters, {@code true}/{@code false}, and space, tab, CR or LF between tokens. Everything it reads is
 * also valid for the strict Gson decoder. On anything else — invalid UTF-8 (or a U+FFFD), an escape, a key it does
 * not expect (unknown fields are legal, but rare), a key seen twice, another JSON type, a {@code null}, trailing
 * data, a record constructor that refuses a value, a command it does not handle — it returns null and
 * {@link MessageCodec} decodes the frame with the tree-based decoder. So every error is still made by that one
 * decoder, with the same code, message and ref. Thread-safe; every method is static.
 */
final class CommonCommandReader {
    // One bit per field name this reader knows; any other key sends the frame to the tree decoder.
    private static final int TYPE = 1;
    private static final int REF = 1 << 1;
    private static final int ROOM = 1 << 2;
    private static final int TEXT = 1 << 3;
    private static final int ACTION = 1 << 4;
    private static final int TO = 1 << 5;
    private static final int NICK = 1 << 6;
    private static final int REASON = 1 << 7;

    private CommonCommandReader() {
    }

    /** The decoded command, or null when the tree-based decoder must decide. */
    static Envelope<Command> read(byte[] body) {
        // new String() replaces malformed bytes with U+FFFD; a body holding one (even a real one) goes the slow
        // way, where malformed UTF-8 is reported.
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            return null;
        }
        try {
            Fields fields = new Cursor(text).readFields();
            return fields == null ? null : toCommand(fields);
        } catch (RuntimeException e) {
            // A field rule broken (the record's FieldException): the tree decoder reports it.
            return null;
        }
    }

    private static int fieldBit(String name) {
        return switch (name) {
            case "type" -> TYPE;
            case "ref" -> REF;
            case "room" -> ROOM;
            case "text" -> TEXT;
            case "action" -> ACTION;
            case "to" -> TO;
            case "nick" -> NICK;
            case "reason" -> REASON;
            default -> 0;
        };
    }

    private static Envelope<Command> toCommand(Fields f) {
        if (f.type == null) {
            return null;
        }
        Command command = switch (f.type) {
            case "say" -> f.only(ROOM | TEXT | ACTION) ? new Command.Say(f.room, f.text, f.action) : null;
            case "join" -> f.only(ROOM) ? new Command.Join(f.room) : null;
            case "leave" -> f.only(ROOM) ? new Command.Leave(f.room) : null;
            case "who" -> f.only(ROOM) ? new Command.Who(f.room) : null;
            case "nick" -> f.only(NICK) ? new Command.Nick(f.nick) : null;
            case "whisper" -> f.only(TO | TEXT) ? new Command.Whisper(f.to, f.text) : null;
            case "quit" -> f.only(REASON) ? new Command.Quit(f.reason) : null;
            case "rooms" -> f.only(0) ? new Command.ListRooms() : null;
            case "ping" -> f.only(0) ? new Command.Ping() : null;
            case "pong" -> f.only(0) ? new Command.Pong() : null;
            default -> null;
        };
        return command == null ? null : new Envelope<>(command, f.ref);
    }

    /** Reads the plain subset of JSON described above from a string, left to right; null means "not plain". */
    private static final class Cursor {
        private final String json;
        private int pos;

        Cursor(String json) {
            this.json = json;
        }

        /** The fields of one flat object of known keys with plain values, followed by nothing but whitespace. */
        Fields readFields() {
            Fields fields = new Fields();
            if (!take('{')) {
                return null;
            }
            do {
                String name = string();
                if (name == null || !take(':')) {
                    return null;
                }
                int field = fieldBit(name);
                if (field == 0 || (fields.seen & field) != 0 || !readValue(field, fields)) {
                    return null;
                }
                fields.seen |= field;
            } while (take(','));
            if (!take('}')) {
                return null;
            }
            skipWhitespace();
            return pos == json.length() ? fields : null;
        }

        private boolean readValue(int field, Fields fields) {
            if (field != ACTION) {
                String value = string();
                fields.put(field, value);
                return value != null;
            }
            skipWhitespace();
            if (json.startsWith("true", pos)) {
                pos += 4;
                fields.action = true;
                return true;
            }
            if (json.startsWith("false", pos)) {
                pos += 5;
                return true;
            }
            return false;
        }

        /** A string without escapes or control characters, after optional whitespace; null for anything else. */
        private String string() {
            if (!take('"')) {
                return null;
            }
            int start = pos;
            for (; pos < json.length(); pos++) {
                char c = json.charAt(pos);
                if (c == '"') {
                    return json.substring(start, pos++);
                }
                if (c == '\\' || c < 0x20) {
                    return null;
                }
            }
            return null;
        }

        /** Skips whitespace, then consumes {@code expected} if it comes next. */
        private boolean take(char expected) {
            skipWhitespace();
            if (pos < json.length() && json.charAt(pos) == expected) {
                pos++;
                return true;
            }
            return false;
        }

        // The four whitespace characters of RFC 8259; Gson's strict reader accepts exactly these.
        private void skipWhitespace() {
            while (pos < json.length()) {
                char c = json.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }
    }

    /** The fields read so far; absent ones are null (or false). */
    private static final class Fields {
        int seen;
        String type;
        String ref;
        String room;
        String text;
        String to;
        String nick;
        String reason;
        boolean action;

        void put(int field, String value) {
            switch (field) {
                case TYPE -> type = value;
                case REF -> ref = value;
                case ROOM -> room = value;
                case TEXT -> text = value;
                case TO -> to = value;
                case NICK -> nick = value;
                case REASON -> reason = value;
                default -> throw new IllegalArgumentException("not a string field: " + field);
            }
        }

        /** True when, besides type and ref, the object has no field outside {@code allowed}. */
        boolean only(int allowed) {
            return (seen & ~(TYPE | REF | allowed)) == 0;
        }
    }
}
