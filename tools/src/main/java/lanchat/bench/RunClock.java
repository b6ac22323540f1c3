package lanchat.bench;

/**
 * The time line of one benchmark run: nanoseconds since its origin, from {@link System#nanoTime()}. Senders
 * and receivers live in the same process, so a stamp written by one is comparable with the clock read by the
 * other, with no wall-clock adjustments in between. Immutable; thread-safe.
 */
record RunClock(long originNanos) {

    static RunClock startingNow() {
        return new RunClock(System.nanoTime());
    }

    /** Nanoseconds since the origin. */
    long now() {
        return System.nanoTime() - originNanos;
    }
}
