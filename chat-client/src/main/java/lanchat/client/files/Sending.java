package lanchat.client.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.function.Predicate;
import lanchat.protocol.Command;
import lanchat.protocol.Event;

/**
 * The sending side of this client's transfers: {@code /send} checks the file and starts an
 * {@link OutgoingTransfer} under a fresh id; the server's echo of the offer and the receiver's acceptance are shown
 * here. Part of {@link Transfers}; {@link #send} runs on the input thread, the rest on the reader thread.
 *
 * <p>Ids are {@value #ID_LENGTH} random characters that are easy to read and type ({@code k3f9q2}: no {@code l},
 * {@code o}, {@code 0} or {@code 1}); the server refuses an id already in use, which at these odds does not happen.
 */
final class Sending {
    static final int ID_LENGTH = 6;
    private static final String ID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TransferLink link;
    private final TransferOutput output;
    private final FileFolders folders;
    private final Reporter reporter;

    Sending(TransferLink link, TransferOutput output, FileFolders folders, Reporter reporter) {
        this.link = link;
        this.output = output;
        this.folders = folders;
        this.reporter = reporter;
    }

    /** {@code /send NICK PATH}: a readable regular file starts a transfer; anything else is a notice. */
    void send(String nick, String typedPath, Predicate<String> idTaken) {
        Path path;
        try {
            path = folders.resolve(typedPath);
        } catch (InvalidPathException e) {
            output.notice("'" + typedPath + "' is not a path: " + e.getReason());
            return;
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            output.notice(Files.isDirectory(path) ? path + " is a folder; send the files in it one by one"
                    : "there is no file you can read at " + path);
            return;
        }
        long size;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            output.notice("cannot read " + path + ": " + e.getMessage());
            return;
        }
        OutgoingTransfer transfer = new OutgoingTransfer(newId(idTaken), nick, path,
                SafeFileName.of(path.getFileName().toString()), size, link, reporter);
        reporter.started(transfer);
        transfer.start();
    }

    /** The server registered our offer and passed it on. */
    void offered(OutgoingTransfer transfer, Event.FileOffer echo) {
        output.transfer("offered " + Transfers.label(transfer) + " (" + Sizes.bytes(echo.size()) + ") to "
                + echo.to() + "; waiting for them to accept (/cancel " + echo.id() + " to withdraw)");
    }

    /** The receiver accepted: chunks start to flow. */
    void accepted(OutgoingTransfer transfer, String receiver) {
        if (transfer.accepted()) {
            output.transfer(receiver + " accepted " + Transfers.label(transfer) + "; sending");
            reporter.progressed(true);
        }
    }

    /**
     * Sends a command for a transfer; when the connection is closed says so as a notice (closing the connection
     * ends every transfer anyway). {@code paced}: through the rate limit, like a chat line.
     */
    static void send(TransferLink link, Command.FileCommand command, boolean paced, TransferOutput output) {
        try {
            if (paced) {
                link.send(command);
            } else {
                link.sendUnmetered(command);
            }
        } catch (IOException e) {
            output.notice("not sent: the connection is closed");
        }
    }

    private static String newId(Predicate<String> taken) {
        while (true) {
            StringBuilder id = new StringBuilder(ID_LENGTH);
            for (int i = 0; i < ID_LENGTH; i++) {
                id.append(ID_LETTERS.charAt(RANDOM.nextInt(ID_LETTERS.length())));
            }
            if (!taken.test(id.toString())) {
                return id.toString();
            }
        }
    }
}
