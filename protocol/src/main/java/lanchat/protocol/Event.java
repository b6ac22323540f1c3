package lanchat.protocol;

import static lanchat.protocol.Rules.requireAtLeast;
import static lanchat.protocol.Rules.requireNick;
import static lanchat.protocol.Rules.requirePresent;
import static lanchat.protocol.Rules.requireRoom;
import static lanchat.protocol.Rules.requireText;
import static lanchat.protocol.Rules.requireTimestamp;

import java.util.List;

/**
 * A frame the server sends to a client. One record per message type; the {@code "type"} label of each is in
 * {@link MessageCodec}. Records check their fields as {@link Command}s do, so a client can trust what it decodes.
 */
public sealed interface Event {

    /**
     * {@code welcome}: the answer to a successful {@code hello}. Tells the client its nick, the limits it must
     * respect, and the session {@code token} it can resume with; {@code resumed} is true when a resume worked.
     */
    record Welcome(String nick, String server, Integer protocol, String token, Integer maxFrameBytes,
            Integer maxTextChars, Integer rateLimit, Integer rateBurst, Long idleTimeoutMs, boolean resumed,
            String motd) implements Event {
        public Welcome {
            requireNick("nick", nick);
            requirePresent("server", server);
            requirePresent("protocol", protocol);
            requirePresent("token", token);
            requireAtLeast("maxFrameBytes", maxFrameBytes == null ? null : maxFrameBytes.longValue(), 1);
            requireAtLeast("maxTextChars", maxTextChars == null ? null : maxTextChars.longValue(), 1);
            requireAtLeast("rateLimit", rateLimit == null ? null : rateLimit.longValue(), 0);
            requireAtLeast("rateBurst", rateBurst == null ? null : rateBurst.longValue(), 0);
            requireAtLeast("idleTimeoutMs", idleTimeoutMs, 0);
        }
    }

    /** {@code joined}: {@code nick} joined {@code room}; sent to every member, the joiner included. */
    record Joined(String room, String nick) implements Event {
        public Joined {
            requireRoom("room", room);
            requireNick("nick", nick);
        }
    }

    /** {@code left}: {@code nick} left {@code room}; {@code reason} says why (quit, connection lost, ...). */
    record Left(String room, String nick, String reason) implements Event {
        public Left {
            requireRoom("room", room);
            requireNick("nick", nick);
        }
    }

    /** {@code renamed}: a member of one of the client's rooms changed nick. */
    record Renamed(String from, String to) implements Event {
        public Renamed {
            requireNick("from", from);
            requireNick("to", to);
        }
    }

    /**
     * {@code message}: a line said in a room, numbered by the room's {@code seq}. {@code history} is true for a
     * message replayed from the room's history rather than said just now.
     */
    record Message(String room, String from, String text, boolean action, Long seq, String ts, boolean history)
            implements Event {
        public Message {
            requireRoom("room", room);
            requireNick("from", from);
            requireText("text", text);
            requireAtLeast("seq", seq, 1);
            requireTimestamp("ts", ts);
        }
    }

    /** {@code whisper}: a private message, delivered to {@code to} and echoed to {@code from}. */
    record Whisper(String from, String to, String text, String ts) implements Event {
        public Whisper {
            requireNick("from", from);
            requireNick("to", to);
            requireText("text", text);
            requireTimestamp("ts", ts);
        }
    }

    /** {@code users}: the members of a room, sorted. */
    record Users(String room, List<String> nicks) implements Event {
        public Users {
            requireRoom("room", room);
            requirePresent("nicks", nicks);
            nicks.forEach(nick -> requireNick("nicks[]", nick));
            nicks = List.copyOf(nicks);
        }
    }

    /** {@code rooms}: every room with its member count, sorted by name. */
    record Rooms(List<RoomInfo> rooms) implements Event {
        public Rooms {
            requirePresent("rooms", rooms);
            rooms.forEach(room -> requirePresent("rooms[]", room));
            rooms = List.copyOf(rooms);
        }
    }

    /** One entry of {@link Rooms}: a room and how many members it has. */
    record RoomInfo(String name, Integer users) {
        public RoomInfo {
            requireRoom("name", name);
            requireAtLeast("users", users == null ? null : users.longValue(), 0);
        }
    }

    /** {@code error}: {@code code} is one of {@link ErrorCode}'s wire names; {@code message} is for people. */
    record Error(String code, String message) implements Event {
        public Error {
            requirePresent("code", code);
            requirePresent("message", message);
        }

        public Error(ErrorCode code, String message) {
            this(code.wire(), message);
        }
    }

    /**
     * {@code gap}: messages {@code fromSeq} to {@code toSeq} of {@code room} are no longer kept and will not be
     * delivered; sent instead of pretending nothing was missed.
     */
    record Gap(String room, Long fromSeq, Long toSeq) implements Event {
        public Gap {
            requireRoom("room", room);
            requireAtLeast("fromSeq", fromSeq, 1);
            requireAtLeast("toSeq", toSeq, fromSeq);
        }
    }

    /** {@code ping}: the client must answer {@code pong}. */
    record Ping() implements Event {
    }

    /** {@code pong}: the answer to a client {@code ping}. */
    record Pong() implements Event {
    }

    /** {@code bye}: the server is closing the connection, and why. */
    record Bye(String reason) implements Event {
        public Bye {
            requirePresent("reason", reason);
        }
    }
}
