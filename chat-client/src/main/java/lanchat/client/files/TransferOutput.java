package lanchat.client.files;

import java.time.Duration;
import java.util.List;

/**
 * Where {@link Transfers} shows what happens: the interactive console or the plain line mode. Called from any
 * thread (the input thread, the reader thread, a transfer's own threads); implementations must be safe for that.
 */
public interface TransferOutput {

    /** A line about a transfer: an offer, an acceptance, an outcome. Shown where events from the server are. */
    void transfer(String text);

    /** Local information about a command the user typed: a usage hint, a file that does not exist. */
    void notice(String text);

    /**
     * The transfers under way, one line each, replacing the lines shown before (in place on a terminal, as plain
     * lines elsewhere); an empty list clears them.
     */
    void progress(List<String> lines);

    /** How often {@link #progress} is called at most while bytes move. */
    Duration progressInterval();

    /**
     * True when {@link #progress} redraws its lines in place: it is then also called at once when a transfer
     * starts or ends, and with an empty list to clear them. False for plain periodic lines: one call per interval
     * while bytes move, nothing else.
     */
    boolean progressInPlace();
}
