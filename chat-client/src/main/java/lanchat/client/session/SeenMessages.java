package lanchat.client.session;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;

/**
 * The last message seen in each room, by {@code seq}: what a resume asks for ({@link #lastSeqs}) and how a message
 * shown already is recognised when it comes again ({@link #judge}), from a history replay on a resume, a rejoin
 * or a join of a room left earlier. Within a room the server sends messages in seq order, so "seq not above the
 * last one seen" means "seen".
 *
 * <p>One exception: a server restarted without its {@code --data-dir} starts counting at 1 again. A message whose
 * seq is not above the last one but whose {@code ts} is later than the last one's is therefore new, and the room
 * starts over from it.
 *
 * <p>Kept for the whole run, rooms left included. {@link #judge} and {@link #skip} run on the connection's reader
 * thread, {@link #lastSeqs} on the reconnect thread; one lock guards the map.
 */
public final class SeenMessages {
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Last> byRoom = new HashMap<>();

    private record Last(long seq, Instant ts) {
    }

    /**
     * What to do with a message.
     *
     * @param duplicate true when it was shown already: do not show it again
     * @param missed    the messages between the last one seen in the room and this one, which will not come (the
     *                  server no longer keeps them), or null when none is missing
     */
    record Judgement(boolean duplicate, Event.Gap missed) {
    }

    /** Judges {@code message} and, unless it is a duplicate, remembers it as the last one seen in its room. */
    Judgement judge(Event.Message message) {
        String key = FieldRules.fold(message.room());
        Instant ts = Instant.parse(message.ts());
        lock.lock();
        try {
            Last last = byRoom.get(key);
            Event.Gap missed = null;
            if (last != null && message.seq() <= last.seq()) {
                if (!ts.isAfter(last.ts())) {
                    return new Judgement(true, null);
                }
                // Numbered from 1 again: the server lost its history. Start the room over from here.
            } else if (last != null && message.seq() > last.seq() + 1) {
                missed = new Event.Gap(message.room(), last.seq() + 1, message.seq() - 1);
            }
            byRoom.put(key, new Last(message.seq(), ts));
            return new Judgement(false, missed);
        } finally {
            lock.unlock();
        }
    }

    /** The server said messages up to {@code gap.toSeq()} will not come: none of them is awaited any more. */
    void skip(Event.Gap gap) {
        String key = FieldRules.fold(gap.room());
        lock.lock();
        try {
            Last last = byRoom.get(key);
            if (last == null || last.seq() < gap.toSeq()) {
                byRoom.put(key, new Last(gap.toSeq(), last == null ? Instant.EPOCH : last.ts()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The last seq seen in each of {@code rooms} (0 for none yet), for {@code hello.resume.rooms}. */
    Map<String, Long> lastSeqs(List<String> rooms) {
        lock.lock();
        try {
            Map<String, Long> seqs = new LinkedHashMap<>();
            for (String room : rooms) {
                Last last = byRoom.get(FieldRules.fold(room));
                seqs.put(room, last == null ? 0 : last.seq());
            }
            return seqs;
        } finally {
            lock.unlock();
        }
    }
}
