package lanchat.server.cluster;

import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import lanchat.server.store.LogEntry;
import lanchat.server.store.Position;
import lanchat.server.store.StoreUnavailableException;

/**
 * Brings the rooms this node's clients are in from Redis to this node: one platform thread, {@code feed NODE},
 * loops on {@code XREAD BLOCK} over the log streams of the watched rooms, on a connection of its own, and hands
 * each entry to the {@link Listener} in the stream's order (later: the room's local broadcast, which only offers
 * to bounded send queues, so the feed never waits for a slow client).
 *
 * <p>Nothing lost, nothing twice: the feed remembers, per room, the position of the last entry it handed over, and
 * every read starts right after it. {@link #watch} names the position to start after (the last entry the caller
 * has shown, e.g. the end of the history it replayed), and wakes the blocked read through the node's wake stream
 * so that the new room is read at once. When Redis goes away the feed logs it once, retries with a doubling
 * back-off, and resumes from the positions it remembers. {@code close()} stops the thread; safe to call twice.
 */
public final class RoomFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RoomFeed.class.getName());
    private static final int BATCH = 512;

    /** Receives the entries of the watched rooms, on the feed thread, in each room's order. Must not block. */
    public interface Listener {
        void deliver(String room, LogEntry entry);
    }

    /** One watched room; {@code after} is written by the feed thread only. */
    private static final class Watch {
        final String room;
        volatile Position after;

        Watch(String room, Position after) {
            this.room = room;
            this.after = after;
        }
    }

    private final RedisLink link;
    private final String node;
    private final Listener listener;
    private final Duration block;
    private final Map<String, Watch> byStream = new ConcurrentHashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2));
    private final Thread thread;
    private volatile StatefulRedisConnection<String, String> connection;
    private String wakeId = "0-0";
    private boolean down;

    /** A feed for node {@code node}, not started; each XREAD blocks for at most {@code block}. */
    public RoomFeed(RedisLink link, String node, Listener listener, Duration block) {
        this.link = link;
        this.node = node;
        this.listener = listener;
        this.block = block;
        this.thread = Thread.ofPlatform().name("feed " + node).daemon().unstarted(this::run);
    }

    public void start() {
        thread.start();
    }

    /**
     * From now on hands over the entries of {@code room} after {@code after}; watching a room again replaces its
     * start. Callable from any thread; never throws (if Redis is down, the feed reads the room once it is back).
     */
    public void watch(String room, Position after) {
        byStream.put(Keys.log(room), new Watch(room, after));
        wake();
    }

    /** Stops handing over the entries of {@code room}; an entry already being handed over may still arrive. */
    public void unwatch(String room) {
        byStream.remove(Keys.log(room));
        wake();
    }

    private void wake() {
        try {
            link.call("wake the feed of " + node, redis -> redis.xadd(Keys.wake(node),
                    io.lettuce.core.XAddArgs.Builder.maxlen(1), Map.of("w", "1")));
        } catch (StoreUnavailableException e) {
            // The feed is reconnecting too, and reads every watched room when it is back.
        }
    }

    private void run() {
        try {
            follow();
        } finally {
            StatefulRedisConnection<String, String> last = connection;
            if (last != null && last.isOpen()) {
                last.close();
            }
        }
    }

    private void follow() {
        while (stopped.getCount() > 0) {
            try {
                readOnce();
            } catch (RedisException | StoreUnavailableException e) {
                if (stopped.getCount() == 0) {
                    return;
                }
                lost(e);
            } catch (RuntimeException bug) {
                LOG.log(Level.SEVERE, "feed " + node + ": unexpected failure; reconnecting", bug);
                lost(bug);
            }
        }
    }

    private void readOnce() {
        if (connection == null) {
            connection = link.connectDedicated(block.plusSeconds(2));
        }
        Map<String, Watch> snapshot = Map.copyOf(byStream);
        List<XReadArgs.StreamOffset<String>> offsets = new ArrayList<>();
        offsets.add(XReadArgs.StreamOffset.from(Keys.wake(node), wakeId));
        snapshot.forEach((stream, watch) -> offsets.add(XReadArgs.StreamOffset.from(stream, watch.after.toString())));
        @SuppressWarnings("unchecked")
        XReadArgs.StreamOffset<String>[] streams = offsets.toArray(XReadArgs.StreamOffset[]::new);
        List<StreamMessage<String, String>> read = connection.sync()
                .xread(XReadArgs.Builder.block(block.toMillis()).count(BATCH), streams);
        backoff.succeeded();
        if (down) {
            down = false;
            LOG.info(() -> "feed " + node + ": Redis is back; reading on from where it stopped");
        }
        read.forEach(entry -> handOver(snapshot, entry));
    }

    private void handOver(Map<String, Watch> snapshot, StreamMessage<String, String> entry) {
        if (entry.getStream().equals(Keys.wake(node))) {
            wakeId = entry.getId();
            return;
        }
        Watch watch = snapshot.get(entry.getStream());
        if (watch == null || byStream.get(entry.getStream()) != watch) {
            return; // unwatched, or watched again from a start of its own, since this read began
        }
        LogEntry logEntry = EntryFields.entry(watch.room, entry.getId(), entry.getBody());
        if (logEntry.position().compareTo(watch.after) <= 0) {
            return;
        }
        Position previous = watch.after;
        watch.after = logEntry.position();
        if (logEntry.position().sub() == 0 && logEntry.position().seq() > previous.seq() + 1) {
            LOG.severe("feed " + node + ": room " + watch.room + " lost seqs " + (previous.seq() + 1) + "…"
                    + (logEntry.position().seq() - 1) + ", trimmed before this node read them");
        }
        try {
            listener.deliver(watch.room, logEntry);
        } catch (RuntimeException bug) {
            LOG.log(Level.SEVERE, "feed " + node + ": the listener failed on " + logEntry, bug);
        }
    }

    private void lost(RuntimeException cause) {
        StatefulRedisConnection<String, String> broken = connection;
        connection = null;
        if (broken != null && broken.isOpen()) {
            broken.closeAsync();
        }
        if (!down) {
            down = true;
            LOG.warning(() -> "feed " + node + ": Redis at " + link.address() + " is unreachable ("
                    + cause.getMessage() + "); retrying");
        }
        backoff.failed();
        try {
            stopped.await(backoff.remainingNanos(), TimeUnit.NANOSECONDS); // close() cuts the wait short
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped.countDown();
        }
    }

    @Override
    public void close() {
        stopped.countDown();
        StatefulRedisConnection<String, String> current = connection;
        if (current != null) {
            current.closeAsync(); // fails the blocked XREAD, so the thread sees it is stopped
        }
        try {
            thread.join(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
