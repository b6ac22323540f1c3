package lanchat.server;

/**
 * Someone a {@link Room} or {@link Nicknames} can hold: a registered {@link ClientSession}, or a fake one in a
 * test. Every method is safe to call from any thread and never blocks.
 */
interface Member {

    /** The member's current nick. */
    String nick();

    /**
     * Queues a ready frame (header and body) for the member. Never blocks and never throws: a full or closed
     * queue refuses the frame (false) and the member's session deals with it.
     */
    boolean deliver(byte[] frame);

    /**
     * Queues a replayed history frame: like {@link #deliver}, but a session does not count it against its send
     * queue limit (a replay is bounded by the room's history instead).
     */
    default boolean deliverReplay(byte[] frame) {
        return deliver(frame);
    }

    /**
     * Queues a whisper for the member. A session whose connection was lost keeps it for its resume; false when the
     * whisper can be neither delivered nor kept.
     */
    default boolean deliverWhisper(byte[] frame) {
        return deliver(frame);
    }
}
