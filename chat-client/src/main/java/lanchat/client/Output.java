package lanchat.client;

import lanchat.client.files.TransferOutput;

/**
 * Where a {@link ChatSession} shows things: the interactive {@link Console} or the plain {@link LineMode}.
 * {@link #event} and {@link #closed} are called on the connection's reader thread, {@link #notice} on either
 * thread, the {@link TransferOutput} methods on any thread; implementations must be safe for that.
 */
interface Output extends TransferOutput {

    /** Shows an event from the server (the state has already been updated from it). */
    void event(Incoming incoming);

    /** Shows a line of local information: help, a usage hint, a room switch. */
    @Override
    void notice(String text);

    /**
     * A state that lasts, shown for as long as it does (the console puts it in the prompt), e.g.
     * "reconnecting…"; null when it is over. Notices tell the details. Ignored by default.
     */
    default void status(String status) {
    }

    /** The connection has ended; called once. Unless {@link Closure#requested()}, the session is over. */
    void closed(Closure closure);
}
