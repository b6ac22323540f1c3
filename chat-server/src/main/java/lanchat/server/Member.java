package lanchat.server;

/**
 * Someone a {@link Room} or {@link Nicknames} can hold: a registered {@link ClientSession}, or a fake one in a
 * test. Both methods are safe to call from any thread and never block.
 */
interface Member {

    /** The member's current nick. */
    String nick();

    /**
     * Queues a ready frame (header and body) for the member. Never blocks and never throws: a full or closed
     * queue refuses the frame (false) and the member's session deals with it.
     */
    boolean deliver(byte[] frame);
}
