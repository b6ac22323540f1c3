package lanchat.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Event;
import lanchat.protocol.Rules;
import lanchat.server.history.Journal;
import lanchat.server.history.RoomHistory;

/**
 * A chat room: its members, its {@code seq} counter and its {@link RoomHistory}. Session threads call it; each
 * change (join, leave, say, a resume taking over) runs under the room's lock, and that lock also covers offering
 * the resulting frames to the members, so every member's queue receives the room's events in one total order,
 * and a joiner's history replay meets the live stream with no gap and no duplicate. Offering only appends to an
 * in-memory queue: no socket is ever written under the lock, so a slow member cannot hold up the room.
 *
 * <p>Every {@code message} the room sends goes through {@link #publish}: written to the room's {@link Journal}
 * (with {@code --data-dir}) before anyone is sent it, then kept in the history, then broadcast; a message the file
 * could not take is sent to no one. That file write is the only disk I/O under a room lock, and it is this room's
 * lock alone (opening it may close another room's least recently used file).
 */
final class Room {
    private final String name;
    private final String key;
    private final ReentrantLock lock = new ReentrantLock();
    private final Set<Member> members = new LinkedHashSet<>();
    private final RoomHistory history;
    private final Journal journal;
    private long lastSeq;
    // Set once the room was dropped from Rooms (empty, no history): a join that found it just before must retry.
    private boolean retired;

    /** A new room with the default history, kept in memory only. */
    Room(String name) {
        this(name, new RoomHistory(HistoryConfig.DEFAULT_MESSAGES), Journal.none(), 0);
    }

    /** A room whose messages go to {@code journal} and {@code history}; its next message gets seq lastSeq + 1. */
    Room(String name, RoomHistory history, Journal journal, long lastSeq) {
        if (!Rules.isValidRoom(name)) {
            throw new IllegalArgumentException("not a valid room name: " + name);
        }
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq < 0: " + lastSeq);
        }
        this.name = name;
        this.key = Rules.fold(name);
        this.history = history;
        this.journal = journal;
        this.lastSeq = lastSeq;
    }

    /** The name as spelled by the join that created the room. */
    String name() {
        return name;
    }

    /** The case-insensitive key the room is found by. */
    String key() {
        return key;
    }

    /**
     * Adds {@code joiner}: every member, the joiner included, gets {@code joined}; then the joiner gets
     * {@code users}, both with {@code ref}, and then the room's history ({@code message}s flagged
     * {@code history}, in seq order, without ref), before any message said after it. False, and nothing done,
     * when the room was dropped meanwhile ({@link #retireIfIdle}): the caller joins the room that replaced it.
     */
    boolean join(Member joiner, String ref) {
        lock.lock();
        try {
            if (retired) {
                return false;
            }
            members.add(joiner);
            broadcast(new Event.Joined(name, joiner.nick()), joiner, ref);
            joiner.deliver(Frames.users(name, sortedNicks(), ref));
            joiner.deliverReplay(history.framesAfter(0));
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
    int takeOver(Member previous, Member successor, long lastSeen, String ref) {
        lock.lock();
        try {
            members.remove(previous);
            members.add(successor);
            successor.deliver(Frames.users(name, sortedNicks(), ref));
            long seen = Math.min(lastSeen, lastSeq);
            long firstKept = history.size() == 0 ? lastSeq + 1 : history.firstSeq();
            if (seen + 1 < firstKept) {
                successor.deliver(Frames.encode(new Event.Gap(name, seen + 1, firstKept - 1), ref));
            }
            List<byte[]> missed = history.framesAfter(seen);
            successor.deliverReplay(missed);
            return missed.size();
        } finally {
            lock.unlock();
        }
    }

    /** An explicit {@code leave}: every member, the leaver included (with {@code ref}), gets {@code left}. */
    void leave(Member leaver, String ref) {
        lock.lock();
        try {
            broadcast(new Event.Left(name, leaver.nick(), "left"), leaver, ref);
            members.remove(leaver);
        } finally {
            lock.unlock();
        }
    }

    /** A departure (quit, disconnect): the member is gone, the others get {@code left} with the reason. */
    void drop(Member member, String reason) {
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
    boolean say(Member sender, String text, boolean action, String ref) {
        lock.lock();
        try {
            Event.Message message = new Event.Message(name, sender.nick(), text, action, lastSeq + 1,
                    Timestamps.now(), false);
            // Encoded before anything is kept: a message that cannot be sent takes no seq and no journal line.
            byte[] shared = Frames.encode(message, null);
            byte[] own = ref == null ? shared : Frames.encode(message, ref);
            return publish(message, sender, shared, own);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Marks the room dropped if nobody is in it and it keeps no history (and, with {@code keepSeq}, has given out
     * no seq: its file must go on from it), so a room costs nothing once it is unused; true when it did (or had
     * already). Called by {@code Rooms} as it removes the room from its map.
     */
    boolean retireIfIdle(boolean keepSeq) {
        lock.lock();
        try {
            retired |= members.isEmpty() && history.size() == 0 && !(keepSeq && lastSeq > 0);
            return retired;
        } finally {
            lock.unlock();
        }
    }

    /** The server-wide order of the oldest message kept ({@code Long.MAX_VALUE} for none): who is evicted first. */
    long oldestOrder() {
        lock.lock();
        try {
            return history.firstOrder();
        } finally {
            lock.unlock();
        }
    }

    /** Forgets the oldest message kept: the server's history budget is over. */
    void evictOldest() {
        lock.lock();
        try {
            history.evictOldest();
        } finally {
            lock.unlock();
        }
    }

    /** The bytes its history keeps ({@link RoomHistory#bytes()}). */
    long historyBytes() {
        lock.lock();
        try {
            return history.bytes();
        } finally {
            lock.unlock();
        }
    }

    /** The members' nicks, sorted case-insensitively. */
    List<String> nicks() {
        lock.lock();
        try {
            return sortedNicks();
        } finally {
            lock.unlock();
        }
    }

    int size() {
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
    static void rename(Member member, Collection<Room> rooms, Runnable changeNick, byte[] sharedFrame,
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

    // Called with the lock held: seq order, file order and queue order are the same.
    private boolean publish(Event.Message message, Member sender, byte[] shared, byte[] own) {
        // Written before anyone is sent it: a message someone has seen survives a crash of the server, and one the
        // file could not take is seen by no one.
        if (!journal.append(message)) {
            return false;
        }
        lastSeq = message.seq();
        history.add(message);
        if (journal.full()) {
            journal.rewrite(history.size() > 0 ? history.messages() : List.of(message));
        }
        offerToAll(shared, own, sender);
        return true;
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
