package lanchat.client.session;

import lanchat.client.files.TransferOutput;
import lanchat.client.net.ConnectionEnd;
import lanchat.client.net.Incoming;

/**
 * Where a {@link ChatSession} shows things: the interactive {@link Console} or the plain {@link LineMode}.
 * {@link #event} and {@link #closed} are called on the connection's reader thread, {@link #notice} on either
 * thread, the {@link TransferOutput} methods on any thread; implementations must be safe for that.
 */
public interface Output extends TransferOutput {

    /** Shows an event from the server (the state has already been updated from it). */
    void event(Incoming incoming);

    /** Shows the list of commands the user can type. */
    void showHelp();

    /** Shows a line of local information: help, a usage hint, a room switch. */
    @Override
    void notice(String text);

    /**
     * A state that lasts, shown for as long as it does (the console puts it in the prompt), e.g.
     * "reconnecting…"; null when it is over. Notices tell the details. Ignored by default.
     */
    default void status(String status) {
    }

    /** The connection has ended; called once. Unless {@link ConnectionEnd#requested()}, the session is over. */
    void closed(ConnectionEnd closure);
}
