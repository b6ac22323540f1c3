package lanchat.client.files;

import java.io.IOException;
import lanchat.protocol.Command;

/**
 * How {@link Transfers} sends its frames to the server. The client's session implements it over its connection;
 * tests put a decorator in between (to corrupt a chunk, or hold one back). Both methods may be called from any
 * thread and return once the frame is handed to the socket.
 */
public interface TransferLink {

    /**
     * Sends a frame the rate limit counts ({@code file-offer}, {@code file-accept}, {@code file-reject}), waiting
     * for its turn like a chat line, and with a {@code ref} so that an error about it can be matched.
     *
     * @throws IOException when the connection is closed
     */
    void send(Command.FileCommand command) throws IOException;

    /**
     * Sends a frame that moves a transfer under way along ({@code file-chunk}, {@code file-ack},
     * {@code file-done}, {@code file-cancel}) at once: the server does not count those against the rate limit,
     * the window bounds them.
     *
     * @throws IOException when the connection is closed
     */
    void sendUnmetered(Command.FileCommand command) throws IOException;
}
