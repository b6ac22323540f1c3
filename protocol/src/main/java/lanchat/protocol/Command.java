package lanchat.protocol;

import static lanchat.protocol.Rules.requireAtLeast;
import static lanchat.protocol.Rules.requireChunkData;
import static lanchat.protocol.Rules.requireFileName;
import static lanchat.protocol.Rules.requireNick;
import static lanchat.protocol.Rules.requirePresent;
import static lanchat.protocol.Rules.requireRoom;
import static lanchat.protocol.Rules.requireSha256;
import static lanchat.protocol.Rules.requireText;
import static lanchat.protocol.Rules.requireTransferId;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A frame a client sends to the server. One record per message type; the {@code "type"} label of each is in
 * {@link MessageCodec}. Each record checks its fields in its compact constructor, so an invalid command cannot
 * exist: a decoded frame that breaks a rule becomes a {@link ProtocolException} with the field's code.
 *
 * <p>Optional fields are {@code null} (or {@code false}) when absent. The optional {@code ref} every frame may
 * carry is not part of the record: see {@link Envelope}.
 */
public sealed interface Command {

    /** {@code hello}: the first frame of a session. {@code password} and {@code resume} are optional. */
    record Hello(String nick, Integer protocol, String password, Resume resume) implements Command {
        public Hello {
            requireNick("nick", nick);
            requirePresent("protocol", protocol);
        }

        public Hello(String nick) {
            this(nick, Rules.PROTOCOL_VERSION, null, null);
        }
    }

    /** The {@code resume} object of a {@code hello}: the session token and the last seq seen per room. */
    record Resume(String token, Map<String, Long> rooms) {
        public Resume {
            requirePresent("resume.token", token);
            rooms = rooms == null ? Map.of() : copyRooms(rooms);
        }

        private static Map<String, Long> copyRooms(Map<String, Long> rooms) {
            var copy = new LinkedHashMap<String, Long>();
            rooms.forEach((room, lastSeq) -> copy.put(requireRoom("resume.rooms key", room),
                    requireAtLeast("resume.rooms." + room, lastSeq, 0)));
            return java.util.Collections.unmodifiableMap(copy);
        }
    }

    /** {@code nick}: change the nick. */
    record Nick(String nick) implements Command {
        public Nick {
            requireNick("nick", nick);
        }
    }

    /** {@code join}: join a room (creating it), or do nothing visible when already in it. */
    record Join(String room) implements Command {
        public Join {
            requireRoom("room", room);
        }
    }

    /** {@code leave}: leave a room. */
    record Leave(String room) implements Command {
        public Leave {
            requireRoom("room", room);
        }
    }

    /** {@code say}: a message to a room; {@code action} marks a "/me" line. */
    record Say(String room, String text, boolean action) implements Command {
        public Say {
            requireRoom("room", room);
            requireText("text", text);
        }

        public Say(String room, String text) {
            this(room, text, false);
        }
    }

    /** {@code whisper}: a private message to one nick. */
    record Whisper(String to, String text) implements Command {
        public Whisper {
            requireNick("to", to);
            requireText("text", text);
        }
    }

    /** {@code who}: the members of a room. */
    record Who(String room) implements Command {
        public Who {
            requireRoom("room", room);
        }
    }

    /** {@code rooms}: the list of rooms with their member counts. */
    record ListRooms() implements Command {
    }

    /** {@code ping}: the server answers {@code pong}. */
    record Ping() implements Command {
    }

    /** {@code pong}: the answer to a server {@code ping}. */
    record Pong() implements Command {
    }

    /** {@code quit}: end the session; {@code reason} (optional) is shown to the rooms. */
    record Quit(String reason) implements Command {
        public Quit {
            if (reason != null) {
                requireText("reason", reason);
            }
        }
    }

    /**
     * The file-transfer commands (PROTOCOL.md section 10), each about the transfer named by its {@code id}. The
     * server hands them all to one place, so a new one does not compile until that place handles it.
     */
    sealed interface FileCommand extends Command {
        String id();
    }

    /**
     * {@code file-offer}: offers a file {@code to} a nick. The sender chooses the {@code id}; {@code size} is in
     * bytes and {@code sha256} is the hex digest of the whole file, which the receiver checks at the end.
     */
    record FileOffer(String to, String id, String name, Long size, String sha256) implements FileCommand {
        public FileOffer {
            requireNick("to", to);
            requireTransferId("id", id);
            requireFileName("name", name);
            requireAtLeast("size", size, 0);
            requireSha256("sha256", sha256);
        }
    }

    /** {@code file-accept}: the receiver takes the offered file; the sender may start sending chunks. */
    record FileAccept(String id) implements FileCommand {
        public FileAccept {
            requireTransferId("id", id);
        }
    }

    /** {@code file-reject}: the receiver declines the offer; the transfer is over. */
    record FileReject(String id) implements FileCommand {
        public FileReject {
            requireTransferId("id", id);
        }
    }

    /**
     * {@code file-chunk}: the next piece of the file, numbered from 0, as base64 of 1 to
     * {@value Rules#MAX_CHUNK_BYTES} bytes. Sent by the sender only, within the window (PROTOCOL.md).
     */
    record FileChunk(String id, Long index, String data) implements FileCommand {
        public FileChunk {
            requireTransferId("id", id);
            requireAtLeast("index", index, 0);
            requireChunkData("data", data);
        }

        /** The chunk holding {@code buffer[0..length)}. */
        public static FileChunk of(String id, long index, byte[] buffer, int length) {
            return new FileChunk(id, index, Base64.getEncoder().encodeToString(Arrays.copyOf(buffer, length)));
        }

        /** The file bytes this chunk carries. */
        public byte[] bytes() {
            return Base64.getDecoder().decode(data);
        }

        /** How many bytes {@link #bytes()} holds, counted from the base64 text without decoding it. */
        public int byteCount() {
            int padding = data.endsWith("==") ? 2 : data.endsWith("=") ? 1 : 0;
            return data.length() / 4 * 3 - padding;
        }
    }

    /** {@code file-ack}: the receiver has chunk {@code index} (and every one before it). */
    record FileAck(String id, Long index) implements FileCommand {
        public FileAck {
            requireTransferId("id", id);
            requireAtLeast("index", index, 0);
        }
    }

    /**
     * {@code file-done}: from the sender, every chunk has been sent; from the receiver, afterwards, the file
     * matched its {@code sha256} and is saved. The receiver's {@code file-done} ends the transfer.
     */
    record FileDone(String id) implements FileCommand {
        public FileDone {
            requireTransferId("id", id);
        }
    }

    /** {@code file-cancel}: either side ends the transfer; {@code reason} (optional) is shown to the other. */
    record FileCancel(String id, String reason) implements FileCommand {
        public FileCancel {
            requireTransferId("id", id);
            if (reason != null) {
                requireText("reason", reason);
            }
        }
    }
}
