package lanchat.server.session;

import java.util.List;

/**
 * Someone a {@link Room} or {@link NickRegistry} can hold: a registered {@link Session}, or a fake one in a
 * test. Every method is safe to call from any thread and never blocks.
 */
public interface Member {

    /** The member's current nick. */
    String nick();

    /**
     * Queues a ready frame (header and body) for the member. Never blocks and never throws: a full or closed
     * queue refuses the frame (false) and the member's session deals with it.
     */
    boolean deliver(byte[] frame);

    /**
     * Queues the frames of one replay (a room's history, or the whispers kept for a resume), in order: like
     * {@link #deliver}, but a session lets one replay at a time wait outside its send queue limit (a replay is
     * bounded by the room's history instead). False when any frame was refused.
     */
    default boolean deliverReplay(List<byte[]> frames) {
        boolean all = true;
        for (byte[] frame : frames) {
            all &= deliver(frame);
        }
        return all;
    }

    /**
     * Queues a whisper for the member. A session whose connection was lost keeps it for its resume; false when the
     * whisper can be neither delivered nor kept.
     */
    default boolean deliverWhisper(byte[] frame) {
        return deliver(frame);
    }
}
