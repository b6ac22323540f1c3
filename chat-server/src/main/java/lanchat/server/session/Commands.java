package lanchat.server.session;

import lanchat.protocol.Command;

/**
 * The chat layer's side of one {@link Session}: what a session hands up and never does itself (rooms, files).
 * Made for each session by the chat layer ({@code lanchat.server.chat}); the session calls it, never the other
 * way round, so the session layer knows nothing of rooms.
 */
public interface Commands {

    /** Carries out one decoded command. Reader thread, with the session's lock held. */
    void handle(Command command, String ref);

    /** True for a frame that moves a file transfer along, which the rate limit does not count. Reader thread. */
    boolean unmetered(Command command);

    /**
     * This session resumes {@code previous}: takes over its rooms, without a word to their members yet. Called
     * with both sessions' locks held, before {@code welcome} is queued.
     */
    void adopt(Session previous);

    /** The session ended for good: leave every room (the others see {@code left} with {@code reason}). */
    void leaveAll(String reason);

    /** The connection ended (held or not): end the file transfers it takes part in, with {@code reason}. */
    void cancelTransfers(String reason);
}
