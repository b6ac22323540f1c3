package lanchat.protocol;

import static lanchat.protocol.FieldRules.requireAtLeast;
import static lanchat.protocol.FieldRules.requireChunkData;
import static lanchat.protocol.FieldRules.requireFileName;
import static lanchat.protocol.FieldRules.requireNick;
import static lanchat.protocol.FieldRules.requirePresent;
import static lanchat.protocol.FieldRules.requireRoom;
import static lanchat.protocol.FieldRules.requireSha256;
import static lanchat.protocol.FieldRules.requireText;
import static lanchat.protocol.FieldRules.requireTimestamp;
import static lanchat.protocol.FieldRules.requireTransferId;

import java.util.Base64;
import java.util.List;

/**
 * A message the server sends to a client. One record per message type, its {@code "type"} label in its
 * {@link MessageType} annotation, as for {@link Command}. Records check their fields as commands do, so a client
 * can trust what it decodes.
 */
public sealed interface Event {

    /**
     * {@code welcome}: the answer to a successful {@code hello}. Tells the client its nick, the limits it must
     * respect, and the session {@code token} it can resume with; {@code resumed} is true when a resume worked.
     */
    @MessageType("welcome")
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
    @MessageType("joined")
    record Joined(String room, String nick) implements Event {
        public Joined {
            requireRoom("room", room);
            requireNick("nick", nick);
        }
    }

    /** {@code left}: {@code nick} left {@code room}; {@code reason} says why (quit, connection lost, ...). */
    @MessageType("left")
    record Left(String room, String nick, String reason) implements Event {
        public Left {
            requireRoom("room", room);
            requireNick("nick", nick);
        }
    }

    /** {@code renamed}: a member of one of the client's rooms changed nick. */
    @MessageType("renamed")
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
    @MessageType("message")
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
    @MessageType("whisper")
    record Whisper(String from, String to, String text, String ts) implements Event {
        public Whisper {
            requireNick("from", from);
            requireNick("to", to);
            requireText("text", text);
            requireTimestamp("ts", ts);
        }
    }

    /**
     * {@code users}: the members of a room, sorted. {@code total} is null when {@code nicks} is the whole list;
     * when the list was too long for one frame, {@code nicks} holds its first names and {@code total} the count.
     */
    @MessageType("users")
    record Users(String room, List<String> nicks, Integer total) implements Event {
        public Users {
            requireRoom("room", room);
            requirePresent("nicks", nicks);
            nicks.forEach(nick -> requireNick("nicks[]", nick));
            nicks = List.copyOf(nicks);
            requireTotal(total, nicks.size());
        }

        /** The whole list. */
        public Users(String room, List<String> nicks) {
            this(room, nicks, null);
        }
    }

    /**
     * {@code rooms}: every room with its member count, sorted by name; or, when the list was too long for one
     * frame, its first rooms and their {@code total} count ({@code total} is null for the whole list).
     */
    @MessageType("rooms")
    record Rooms(List<RoomInfo> rooms, Integer total) implements Event {
        public Rooms {
            requirePresent("rooms", rooms);
            rooms.forEach(room -> requirePresent("rooms[]", room));
            rooms = List.copyOf(rooms);
            requireTotal(total, rooms.size());
        }

        /** The whole list. */
        public Rooms(List<RoomInfo> rooms) {
            this(rooms, null);
        }
    }

    // A cut list's total counts more entries than it holds.
    private static void requireTotal(Integer total, int listed) {
        if (total != null) {
            FieldRules.requireAtLeast("total", total.longValue(), listed + 1L);
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
    @MessageType("error")
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
    @MessageType("gap")
    record Gap(String room, Long fromSeq, Long toSeq) implements Event {
        public Gap {
            requireRoom("room", room);
            requireAtLeast("fromSeq", fromSeq, 1);
            requireAtLeast("toSeq", toSeq, fromSeq);
        }
    }

    /** {@code ping}: the client must answer {@code pong}. */
    @MessageType("ping")
    record Ping() implements Event {
    }

    /** {@code pong}: the answer to a client {@code ping}. */
    @MessageType("pong")
    record Pong() implements Event {
    }

    /** {@code bye}: the server is closing the connection, and why. */
    @MessageType("bye")
    record Bye(String reason) implements Event {
        public Bye {
            requirePresent("reason", reason);
        }
    }

    /**
     * The file-transfer events (PROTOCOL.md section 10): a file command relayed by the server to the other side
     * of the transfer {@code id}. {@code from} is always that other side's nick: the sender for the receiver,
     * the receiver for the sender.
     */
    sealed interface FileEvent extends Event {
        String from();

        String id();
    }

    /**
     * {@code file-offer}: {@code from} offers a file {@code to} a nick. Delivered to {@code to}, and echoed to
     * {@code from} (with the offer's {@code ref}) once the server has registered the transfer.
     */
    @MessageType("file-offer")
    record FileOffer(String from, String to, String id, String name, Long size, String sha256)
            implements FileEvent {
        public FileOffer {
            requireNick("from", from);
            requireNick("to", to);
            requireTransferId("id", id);
            requireFileName("name", name);
            requireAtLeast("size", size, 0);
            requireSha256("sha256", sha256);
        }
    }

    /** {@code file-accept}: the receiver {@code from} accepted; the sender may now send chunks. */
    @MessageType("file-accept")
    record FileAccept(String from, String id) implements FileEvent {
        public FileAccept {
            requireNick("from", from);
            requireTransferId("id", id);
        }
    }

    /** {@code file-reject}: the receiver {@code from} declined; the transfer is over. */
    @MessageType("file-reject")
    record FileReject(String from, String id) implements FileEvent {
        public FileReject {
            requireNick("from", from);
            requireTransferId("id", id);
        }
    }

    /** {@code file-chunk}: chunk {@code index} of the file, base64, from the sender {@code from}. */
    @MessageType("file-chunk")
    record FileChunk(String from, String id, Long index, String data) implements FileEvent {
        public FileChunk {
            requireNick("from", from);
            requireTransferId("id", id);
            requireAtLeast("index", index, 0);
            requireChunkData("data", data);
        }

        /** The file bytes this chunk carries. */
        public byte[] bytes() {
            return Base64.getDecoder().decode(data);
        }
    }

    /** {@code file-ack}: the receiver {@code from} has chunk {@code index}; one more chunk may be sent. */
    @MessageType("file-ack")
    record FileAck(String from, String id, Long index) implements FileEvent {
        public FileAck {
            requireNick("from", from);
            requireTransferId("id", id);
            requireAtLeast("index", index, 0);
        }
    }

    /**
     * {@code file-done}: to the receiver, the sender {@code from} has sent every chunk (now check the file); to
     * the sender, the receiver {@code from} checked the file and saved it (the transfer is over).
     */
    @MessageType("file-done")
    record FileDone(String from, String id) implements FileEvent {
        public FileDone {
            requireNick("from", from);
            requireTransferId("id", id);
        }
    }

    /**
     * {@code file-cancel}: the transfer is over before its end; {@code from} is the other side and
     * {@code reason} says why (PROTOCOL.md lists the reasons the server gives).
     */
    @MessageType("file-cancel")
    record FileCancel(String from, String id, String reason) implements FileEvent {
        public FileCancel {
            requireNick("from", from);
            requireTransferId("id", id);
            requireText("reason", reason);
        }
    }
}
