package lanchat.bench;

/**
 * The moment the server cut a stalled member off, as the other members saw it: the {@code left} event for its
 * nick. Immutable.
 *
 * @param atNanos   {@link RunClock} time when the first receiver got the {@code left}
 * @param reason    the {@code left} event's reason, or null when it had none
 * @param roomSeq   the highest {@code seq} that receiver had seen by then: how far the room had got
 */
record CutOff(long atNanos, String reason, long roomSeq) {
}
