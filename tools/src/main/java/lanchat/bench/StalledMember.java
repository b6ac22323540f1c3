package lanchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import lanchat.protocol.Event;

/**
 * The member of the {@code slow} scenario that joins the room and then never reads: the peer a server must
 * cut off before its send queue eats the server's memory or holds up everybody else. It asks for a small
 * receive buffer (SO_RCVBUF) so the kernel on our side holds little, and the server's own queue fills
 * quickly.
 *
 * <p>After the run, {@link #drain} reads what did reach it, to see whether the server told it why it was cut
 * off (an {@code error send_queue_exceeded} and/or a {@code bye} before the close). Used by the main thread
 * only. {@link #close()} closes the socket; calling it twice is harmless.
 */
final class StalledMember implements AutoCloseable {
    /** SO_RCVBUF asked for; Linux doubles it and keeps a minimum of a few KiB. */
    static final int RECEIVE_BUFFER_BYTES = 4_096;

    private final LoadClient client;
    private final long stalledSinceNanos;

    private StalledMember(LoadClient client, long stalledSinceNanos) {
        this.client = client;
        this.stalledSinceNanos = stalledSinceNanos;
    }

    /** Connects, joins {@code room}, and stops reading from then on. */
    static StalledMember join(InetSocketAddress server, String nick, String room, RunClock clock,
            Duration timeout) throws IOException {
        LoadClient client = LoadClient.connect(server, nick, timeout, RECEIVE_BUFFER_BYTES, 8_192);
        try {
            client.join(room);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
        return new StalledMember(client, clock.now());
    }

    String nick() {
        return client.nick();
    }

    /** {@link RunClock} time from which it stopped reading. */
    long stalledSinceNanos() {
        return stalledSinceNanos;
    }

    /**
     * Reads everything that reached this member, until the server's close or {@code quiet} without a byte.
     * Meant for after the run, when nothing new is sent.
     */
    Drained drain(Duration quiet) throws IOException {
        client.socket().setSoTimeout((int) quiet.toMillis());
        FrameInput input = client.input();
        Drained.Builder drained = new Drained.Builder();
        try {
            while (input.next()) {
                if (MessageScan.isMessage(input.buffer(), input.bodyOffset(), input.bodyLength())) {
                    drained.message(MessageScan.seq(input.buffer(), input.bodyOffset(), input.bodyLength()),
                            input.bodyLength() + 4);
                } else {
                    drained.event(input.decodeEvent());
                }
            }
            return drained.closed(true);
        } catch (SocketTimeoutException e) {
            return drained.closed(false);
        } catch (IOException e) {
            // A reset after the server's close: what came before it is all there is.
            return drained.closed(true);
        }
    }

    @Override
    public void close() {
        client.close();
    }

    /**
     * What reached the stalled member.
     *
     * @param messages     message frames it got
     * @param lastSeq      the highest seq among them (0 for none)
     * @param messageBytes their size in bytes, headers included
     * @param told         the server's last words: {@code error CODE (message)} and/or {@code bye: reason},
     *                     or null when it said nothing before closing
     * @param closed       true when the server closed the connection
     */
    record Drained(long messages, long lastSeq, long messageBytes, String told, boolean closed) {

        /** The average size of a message frame it got, or 0 when it got none. */
        double averageMessageBytes() {
            return messages == 0 ? 0 : (double) messageBytes / messages;
        }

        /** Collects a {@link Drained} frame by frame. */
        static final class Builder {
            private long messages;
            private long lastSeq;
            private long messageBytes;
            private StringBuilder told;

            void message(long seq, int frameBytes) {
                messages++;
                lastSeq = Math.max(lastSeq, seq);
                messageBytes += frameBytes;
            }

            void event(Event event) {
                String words = switch (event) {
                    case Event.Error error -> "error " + error.code() + " (" + error.message() + ")";
                    case Event.Bye bye -> "bye: " + bye.reason();
                    default -> null;
                };
                if (words != null) {
                    told = told == null ? new StringBuilder(words) : told.append("; ").append(words);
                }
            }

            Drained closed(boolean closed) {
                String words = told == null ? null : told.toString();
                return new Drained(messages, lastSeq, messageBytes, words, closed);
            }
        }
    }
}
