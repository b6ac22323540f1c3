package lanchat.bench;

import java.time.Duration;

/**
 * The shape of one fanout run (also each run of {@code slow}). Immutable.
 *
 * @param clients           members of the room; each one sends and receives
 * @param rate              messages per second from all senders together; 0 = as fast as the windows allow
 * @param messagesPerClient measured messages per sender, or 0 to derive them from {@code measureTime}
 * @param measureTime       how long the measured part lasts when {@code messagesPerClient} is 0
 * @param payloadChars      length of every message text
 * @param warmupTime        how long to send at the same rate before measuring (JIT, buffers, connections
 *                          settle); every warm-up message is received before the measured part starts
 * @param window            with rate 0: messages per sender on their way at most
 * @param receiveThreads    {@link ReceiveLoop} threads that read for the members
 * @param maxTime           the whole run (connect, warm-up, measure, drain) ends by then, finished or not
 */
record FanoutSettings(int clients, double rate, long messagesPerClient, Duration measureTime, int payloadChars,
        Duration warmupTime, int window, int receiveThreads, Duration maxTime) {

    FanoutSettings {
        if (clients < 1) {
            throw new IllegalArgumentException("clients < 1: " + clients);
        }
        if (rate < 0) {
            throw new IllegalArgumentException("rate < 0: " + rate);
        }
        if (messagesPerClient < 0) {
            throw new IllegalArgumentException("messagesPerClient < 0: " + messagesPerClient);
        }

        if (window < 1) {
            throw new IllegalArgumentException("window < 1: " + window);
        }
        if (receiveThreads < 1) {
            throw new IllegalArgumentException("receiveThreads < 1: " + receiveThreads);
        }
    }

    /**
     * Measured messages per sender: as given, or enough for {@code measureTime} at {@code rate}; unbounded
     * (ended by time) for rate 0.
     */
    long measuredPerClient() {
        return messagesPerClient > 0 ? messagesPerClient : perClientFor(measureTime);
    }

    /** Messages per sender for {@code time} at {@code rate}; unbounded (ended by time) for rate 0. */
    long perClientFor(Duration time) {
        if (rate == 0) {
            return Long.MAX_VALUE;
        }
        return Math.max(1, (long) Math.ceil(rate * time.toNanos() / 1e9 / clients));
    }

    /** The same run, to end by {@code maxTime} instead. */
    FanoutSettings withMaxTime(Duration maxTime) {
        return new FanoutSettings(clients, rate, messagesPerClient, measureTime, payloadChars, warmupTime, window,
                receiveThreads, maxTime);
    }

    /** True when the measured part ends by time rather than by count. */
    boolean endsByTime() {
        return messagesPerClient == 0 && rate == 0;
    }
}
