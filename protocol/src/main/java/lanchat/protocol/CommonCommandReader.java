package lanchat.protocol;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/**
 * The fast path of {@link MessageCodec#decodeCommand}: reads the commands a client sends all the time ({@code say}
 * above all, and the other ones whose fields are all strings or booleans) in one pass of a strict
 * {@link JsonReader}, straight into the record, without building a JSON tree or going through reflection.
 *
 * <p>It only ever answers for a plain, valid frame. On anything unusual — invalid UTF-8, a key it does not
 * expect (unknown fields are legal, but rare), a key seen twice, a JSON type other than the one expected, a
 * {@code null}, trailing data, a record constructor that refuses a value, a command it does not handle — it
 * returns null and {@link MessageCodec} decodes the frame with the tree-based decoder. So every error is still
 * made by that one decoder, with the same code, message and ref. Thread-safe; every method is static.
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
        try (JsonReader in = new JsonReader(new StringReader(text))) {
            in.setStrictness(Strictness.STRICT);
            Fields fields = readFields(in);
            return fields == null ? null : toCommand(fields);
        } catch (IOException | RuntimeException e) {
            // Malformed JSON, a wrong token, or a field rule broken: the tree decoder reports it.
            return null;
        }
    }

    /** The string and boolean fields of one flat object, or null if it holds anything else. */
    private static Fields readFields(JsonReader in) throws IOException {
        Fields fields = new Fields();
        in.beginObject();
        while (in.hasNext()) {
            int field = fieldBit(in.nextName());
            if (field == 0 || (fields.seen & field) != 0) {
                return null;
            }
            fields.seen |= field;
            JsonToken expected = field == ACTION ? JsonToken.BOOLEAN : JsonToken.STRING;
            if (in.peek() != expected) {
                return null;
            }
            if (field == ACTION) {
                fields.action = in.nextBoolean();
            } else {
                fields.put(field, in.nextString());
            }
        }
        in.endObject();
        return in.peek() == JsonToken.END_DOCUMENT ? fields : null;
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
