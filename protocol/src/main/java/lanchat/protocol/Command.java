package lanchat.protocol;

import static lanchat.protocol.Rules.requireAtLeast;
import static lanchat.protocol.Rules.requireNick;
import static lanchat.protocol.Rules.requirePresent;
import static lanchat.protocol.Rules.requireRoom;
import static lanchat.protocol.Rules.requireText;

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
}
