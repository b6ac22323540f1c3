package lanchat.server.chat;

import java.util.List;
import java.util.Optional;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.server.files.FileRelay;
import lanchat.server.files.Transfers;
import lanchat.server.session.Commands;
import lanchat.server.session.Disconnect;
import lanchat.server.session.Frames;
import lanchat.server.session.Handshake;
import lanchat.server.session.Member;
import lanchat.server.session.NickRegistry;
import lanchat.server.session.Session;

/**
 * The chat side of one session ({@link Commands}): carries out its commands with the exhaustive switch over
 * {@link Command}, so a new command type does not compile until it is handled here, and takes it out of its rooms
 * and transfers when it ends. One per session, made by the server's wiring. Commands run on the session's reader
 * thread with the session's lock held. Replies to the client carry the command's {@code ref}; frames for other
 * members never do.
 */
public final class CommandHandler implements Commands {
    private final Session session;
    private final Handshake handshake;
    private final Rooms rooms;
    private final MembershipRegistry memberships;
    private final NickRegistry nicks;
    private final FileRelay fileRelay;
    private final Transfers transfers;

    public CommandHandler(Session session, Handshake handshake, Rooms rooms, MembershipRegistry memberships,
            NickRegistry nicks, FileRelay fileRelay, Transfers transfers) {
        this.session = session;
        this.handshake = handshake;
        this.rooms = rooms;
        this.memberships = memberships;
        this.nicks = nicks;
        this.fileRelay = fileRelay;
        this.transfers = transfers;
    }

    @Override
    public void handle(Command command, String ref) {
        if (!session.registered() && !(command instanceof Command.Hello)) {
            session.reject(ErrorCode.NOT_REGISTERED, "send hello first; got " + MessageCodec.label(command), ref);
            return;
        }
        switch (command) {
            case Command.Hello hello -> hello(hello, ref);
            case Command.Nick nick -> rename(nick.nick(), ref);
            case Command.Join join -> join(join.room(), ref);
            case Command.Leave leave -> leave(leave.room(), ref);
            case Command.Say say -> say(say, ref);
            case Command.Whisper whisper -> whisper(whisper, ref);
            case Command.Who who -> who(who.room(), ref);
            case Command.ListRooms rooms -> listRooms(ref);
            case Command.Ping ping -> session.send(new Event.Pong(), ref);
            case Command.Pong pong -> {
                // Nothing to do: every frame already counted as a sign of life.
            }
            case Command.Quit quit -> session.disconnect(Disconnect.quit(quit.reason(), ref));
            case Command.FileCommand file -> fileRelay.handle(file, ref);
        }
    }

    @Override
    public boolean unmetered(Command command) {
        return transfers.isUnmetered(session, command);
    }

    @Override
    public void adopt(Session previous) {
        memberships.moveAll(previous, session);
    }

    @Override
    public void leaveAll(String reason) {
        memberships.removeAll(session).forEach(room -> {
            room.drop(session, reason);
            rooms.release(room);
        });
    }

    @Override
    public void cancelTransfers(String reason) {
        transfers.cancelAll(session, reason);
    }

    private void hello(Command.Hello hello, String ref) {
        Session previous = handshake.hello(hello, ref);
        if (previous != null) {
            new CatchUp(memberships).replay(previous, session, hello.resume().rooms(), ref);
        }
    }

    private void rename(String to, String ref) {
        String from = session.nick();
        if (!nicks.rename(from, to, session)) {
            session.reject(ErrorCode.NICK_TAKEN, "nick \"" + to + "\" is taken; choose another", ref);
            return;
        }
        Event.Renamed renamed = new Event.Renamed(from, to);
        Room.rename(session, memberships.roomsOf(session), () -> session.changeNick(to), Frames.encode(renamed, null),
                Frames.encode(renamed, ref));
    }

    private void join(String name, String ref) {
        Room room = rooms.getOrCreate(name);
        if (memberships.isIn(session, room)) {
            // Already a member: nothing changes for anyone; the client just gets the member list again.
            session.deliver(Frames.users(room.name(), room.nicks(), ref));
            return;
        }
        // An empty room can be dropped between finding it and joining it: then join the one made in its place.
        while (!room.join(session, ref)) {
            room = rooms.getOrCreate(name);
        }
        memberships.add(session, room);
    }

    private void leave(String name, String ref) {
        Optional<Room> room = joinedRoom(name);
        if (room.isEmpty()) {
            notInRoom(name, ref);
            return;
        }
        memberships.remove(session, room.get());
        room.get().leave(session, ref);
        rooms.release(room.get());
    }

    private void say(Command.Say say, String ref) {
        Optional<Room> room = joinedRoom(say.room());
        if (room.isEmpty()) {
            notInRoom(say.room(), ref);
            return;
        }
        if (!room.get().say(session, say.text(), say.action(), ref)) {
            // The server's fault, not the client's: sent as is, outside the error budget of reject().
            session.send(new Event.Error(ErrorCode.STORAGE_FAILED, "the server could not store your message in "
                    + "room \"" + room.get().name() + "\" (its disk may be full); nobody got it, try again later"),
                    ref);
        }
        rooms.trimHistories();
    }

    private void whisper(Command.Whisper whisper, String ref) {
        Optional<Member> target = nicks.find(whisper.to());
        if (target.isEmpty()) {
            session.reject(ErrorCode.NO_SUCH_NICK, "nobody is called \"" + whisper.to() + "\"", ref);
            return;
        }
        Event.Whisper event = new Event.Whisper(session.nick(), target.get().nick(), whisper.text(),
                Timestamps.now());
        // A held target keeps the whisper for its resume; one that can take no more is, for now, nobody.
        if (target.get() != session && !target.get().deliverWhisper(Frames.encode(event, null))) {
            session.reject(ErrorCode.NO_SUCH_NICK, "\"" + target.get().nick() + "\" is not connected and cannot "
                    + "take more whispers now; try again later", ref);
            return;
        }
        session.send(event, ref);
    }

    private void who(String name, String ref) {
        Optional<Room> room = rooms.find(name);
        String shownName = room.map(Room::name).orElse(name);
        List<String> nicks = room.map(Room::nicks).orElse(List.of());
        session.deliver(Frames.users(shownName, nicks, ref));
    }

    private void listRooms(String ref) {
        int total = rooms.count();
        List<Event.RoomInfo> first = rooms.firstByName(Frames.MAX_LISTED_ROOMS);
        // A room made meanwhile can make the count lag the list: the list is then whole, as far as we know.
        session.deliver(Frames.rooms(first, Math.max(total, first.size()), ref));
    }

    private Optional<Room> joinedRoom(String name) {
        return rooms.find(name).filter(room -> memberships.isIn(session, room));
    }

    private void notInRoom(String name, String ref) {
        session.reject(ErrorCode.NOT_IN_ROOM, "you are not in room \"" + name + "\"; join it first", ref);
    }
}
