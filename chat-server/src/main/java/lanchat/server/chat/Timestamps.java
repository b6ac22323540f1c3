package lanchat.server.chat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The {@code ts} of messages and whispers: an ISO-8601 UTC instant, always with milliseconds. Thread-safe.
 * {@link #now()} formats each millisecond once: a busy room stamps many messages within the same one.
 */
public final class Timestamps {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static volatile Stamp last = new Stamp(Long.MIN_VALUE, "");

    private record Stamp(long millis, String text) {
    }

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    public static String now() {
        long millis = System.currentTimeMillis();
        Stamp stamp = last;
        if (stamp.millis() != millis) {
            stamp = new Stamp(millis, format(Instant.ofEpochMilli(millis)));
            last = stamp;
        }
        return stamp.text();
    }
}
