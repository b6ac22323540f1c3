package lanchat.server.chat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.server.history.LocalRoomLog;
import lanchat.server.history.RoomHistory;
import lanchat.server.history.RoomLog;
import lanchat.server.session.Frames;
import lanchat.server.session.Member;

/**
 * A chat room: its members and its {@link RoomLog} (the seq counter and the history). Session threads call it; each
 * change (join, leave, say, a resume taking over) runs under the room's lock, and that lock also covers offering
 * the resulting frames to the members, so every member's queue receives the room's events in one total order,
 * and a joiner's history replay meets the live stream with no gap and no duplicate. Offering only appends to an
 * in-memory queue: no socket is ever written under the lock, so a slow member cannot hold up the room.
 *
 * <p>Every {@code message} the room sends is appended to its log first (which, with {@code --data-dir}, writes it
 * to the room's file), then broadcast; a message the log could not take is sent to no one.
 */
public final class Room {
    private final String name;
    private final String key;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Member> members = new LinkedHashSet<>();
    private final RoomLog log;
    // Set once the room was dropped from Rooms (empty, no history): a join that found it just before must retry.
    private boolean retired;

    /** A new room with the default history, kept in memory only. */
    public Room(String name) {
        this(name, LocalRoomLog.inMemory(RoomHistory.DEFAULT_CAPACITY));
    }

    /** A room whose messages go to {@code log}; its next message gets seq {@code log.lastSeq()} + 1. */
    public Room(String name, RoomLog log) {
        if (!FieldRules.isValidRoom(name)) {
            throw new IllegalArgumentException("not a valid room name: " + name);
        }
        this.name = name;
        this.key = FieldRules.fold(name);
        this.log = log;
    }

    /** The name as spelled by the join that created the room. */
    public String name() {
        return name;
    }

    /** The case-insensitive key the room is found by. */
    public String key() {
        return key;
    }

    /**
     * Adds {@code joiner}: every member, the joiner included, gets {@code joined}; then the joiner gets
     * {@code users}, both with {@code ref}, and then the room's history ({@code message}s flagged
     * {@code history}, in seq order, without ref), before any message said after it. False, and nothing done,
     * when the room was dropped meanwhile ({@link #retireIfIdle}): the caller joins the room that replaced it.
     */
    public boolean join(Member joiner, String ref) {
        lock.lock();
        try {
            if (retired) {
                return false;
            }
            members.add(joiner);
            broadcast(new Event.Joined(name, joiner.nick()), joiner, ref);
            joiner.deliver(Frames.users(name, sortedNicks(), ref));
            joiner.deliverReplay(log.replayAfter(0));
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A resumed session takes the place of its lost connection, {@code previous}, without a word to the others.
     * {@code successor} gets {@code users} (with {@code ref}), a {@code gap} (with {@code ref}) when messages
     * after {@code lastSeen} are no longer kept, and every kept message after {@code lastSeen}; all before any
     * message said after it. Returns how many messages were replayed.
     */
    public int takeOver(Member previous, Member successor, long lastSeen, String ref) {
        lock.lock();
        try {
            members.remove(previous);
            members.add(successor);
            successor.deliver(Frames.users(name, sortedNicks(), ref));
            long seen = Math.min(lastSeen, log.lastSeq());
            long firstKept = log.firstKeptSeq();
            if (seen + 1 < firstKept) {
                successor.deliver(Frames.encode(new Event.Gap(name, seen + 1, firstKept - 1), ref));
            }
            List<byte[]> missed = log.replayAfter(seen);
            successor.deliverReplay(missed);
            return missed.size();
        } finally {
            lock.unlock();
        }
    }

    /** An explicit {@code leave}: every member, the leaver included (with {@code ref}), gets {@code left}. */
    public void leave(Member leaver, String ref) {
        lock.lock();
        try {
            broadcast(new Event.Left(name, leaver.nick(), "left"), leaver, ref);
            members.remove(leaver);
        } finally {
            lock.unlock();
        }
    }

    /** A departure (quit, disconnect): the member is gone, the others get {@code left} with the reason. */
    public void drop(Member member, String reason) {
        lock.lock();
        try {
            if (members.remove(member)) {
                broadcast(new Event.Left(name, member.nick(), reason), null, null);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * A {@code say}: a message with the room's next {@code seq} to every member; the sender's echo has the ref.
     * Returns false when the room's file could not take it (a full disk): then nobody is sent anything and the
     * seq stays free for the next message.
     */
    public boolean say(Member sender, String text, boolean action, String ref) {
        lock.lock();
        try {
            Event.Message message = new Event.Message(name, sender.nick(), text, action, log.lastSeq() + 1,
                    Timestamps.now(), false);
            // Encoded before anything is kept: a message that cannot be sent takes no seq and no journal line.
            byte[] shared = Frames.encode(message, null);
            byte[] own = ref == null ? shared : Frames.encode(message, ref);
            if (!log.append(message)) {
                return false;
            }
            offerToAll(shared, own, sender);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the room dropped if nobody is in it and it keeps no history (and, with {@code keepSeq}, has given out
     * no seq: its file must go on from it), so a room costs nothing once it is unused; true when it did (or had
     * already). Called by {@code Rooms} as it removes the room from its map.
     */
    public boolean retireIfIdle(boolean keepSeq) {
        lock.lock();
        try {
            retired |= members.isEmpty() && log.keptCount() == 0 && !(keepSeq && log.lastSeq() > 0);
            return retired;
        } finally {
            lock.unlock();
        }
    }

    /** The server-wide order of the oldest message kept ({@code Long.MAX_VALUE} for none): who is evicted first. */
    public long oldestOrder() {
        lock.lock();
        try {
            return log.oldestOrder();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the oldest message kept: the server's history budget is over. */
    public void evictOldest() {
        lock.lock();
        try {
            log.evictOldest();
        } finally {
            lock.unlock();
        }
    }

    /** The bytes its log keeps in memory. */
    public long historyBytes() {
        lock.lock();
        try {
            return log.bytes();
        } finally {
            lock.unlock();
        }
    }

    /** The members' nicks, sorted case-insensitively. */
    public List<String> nicks() {
        lock.lock();
        try {
            return sortedNicks();
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return members.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Renames {@code member}, a member of each of {@code rooms}: runs {@code changeNick}, then sends
     * {@code renamed} once to everyone who shares one of those rooms with it, and to the member itself
     * ({@code ownFrame}, with its ref). All the rooms stay locked meanwhile (in name order, so two renames cannot
     * deadlock), so no {@code users} list anywhere can disagree with the {@code renamed} frames around it.
     */
    public static void rename(Member member, Collection<Room> rooms, Runnable changeNick, byte[] sharedFrame,
            byte[] ownFrame) {
        List<Room> ordered = new ArrayList<>(rooms);
        ordered.sort(Comparator.comparing(Room::key));
        ordered.forEach(room -> room.lock.lock());
        try {
            changeNick.run();
            Set<Member> told = new HashSet<>();
            told.add(member);
            for (Room room : ordered) {
                room.members.stream().filter(told::add).forEach(other -> other.deliver(sharedFrame));
            }
            member.deliver(ownFrame);
        } finally {
            ordered.reversed().forEach(room -> room.lock.unlock());
        }
    }

    // Called with the lock held. Encodes once for all, and once more with the ref for the member who caused it.
    private void broadcast(Event event, Member cause, String ref) {
        byte[] shared = Frames.encode(event, null);
        offerToAll(shared, ref == null ? shared : Frames.encode(event, ref), cause);
    }

    // Called with the lock held.
    private void offerToAll(byte[] shared, byte[] own, Member cause) {
        for (Member member : members) {
            member.deliver(member == cause ? own : shared);
        }
    }

    private List<String> sortedNicks() {
        return members.stream().map(Member::nick).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }
}
