package lanchat.client.files;

import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import lanchat.protocol.Command;
import lanchat.protocol.Event;

/**
 * The receiving side of this client's transfers: shows an offer, accepts or rejects it as the user says, writes
 * each chunk and acknowledges it (the {@code file-ack} that lets the sender go on), and at the sender's
 * {@code file-done} checks and saves the file, answering {@code file-done} when it is saved or {@code file-cancel}
 * when it does not match. Part of {@link Transfers}. {@link #accept} and {@link #reject} run on the input thread;
 * the rest on the connection's reader thread, so chunks are handled one at a time, in order.
 */
final class Receiving {
    private final TransferLink link;
    private final TransferOutput output;
    private final FileFolders folders;
    private final Reporter reporter;

    Receiving(TransferLink link, TransferOutput output, FileFolders folders, Reporter reporter) {
        this.link = link;
        this.output = output;
        this.folders = folders;
        this.reporter = reporter;
    }

    /** An offer to this client: keeps it and shows it, with the id to accept or reject it by. */
    void offered(Event.FileOffer offer) {
        IncomingTransfer transfer = new IncomingTransfer(offer.id(), offer.from(), offer.name(), offer.size(),
                offer.sha256());
        String safeName = SafeFileName.of(offer.name());
        String savedAs = safeName.equals(offer.name()) ? "" : " (it would be saved as " + safeName + ")";
        output.transfer(offer.from() + " offers you " + Transfers.label(transfer) + ", "
                + Sizes.bytes(offer.size()) + savedAs + " — /accept " + offer.id() + " [DIR] or /reject "
                + offer.id());
        reporter.started(transfer);
    }

    /** {@code /accept ID [DIR]}: opens the temporary file in the folder, then tells the sender to go ahead. */
    void accept(IncomingTransfer transfer, String typedFolder) {
        if (transfer.stage() != Transfer.Stage.OFFERED) {
            output.notice(Transfers.label(transfer) + " is already " + transfer.activity());
            return;
        }
        Path folder;
        try {
            folder = typedFolder == null ? folders.downloads() : folders.resolve(typedFolder);
            transfer.accept(folder);
        } catch (InvalidPathException | IOException e) {
            output.notice("cannot save " + Transfers.label(transfer) + " there: " + e.getMessage());
            return;
        }
        output.transfer("receiving " + Transfers.label(transfer) + " from " + transfer.peer() + " into " + folder);
        Sending.send(link, new Command.FileAccept(transfer.id()), true, output);
        reporter.progressed(true);
    }

    /** {@code /reject ID}: declines an offer. */
    void reject(IncomingTransfer transfer) {
        if (transfer.stage() != Transfer.Stage.OFFERED) {
            output.notice(Transfers.label(transfer) + " is " + transfer.activity() + "; /cancel " + transfer.id()
                    + " stops it");
        } else if (transfer.end()) {
            Sending.send(link, new Command.FileReject(transfer.id()), true, output);
            reporter.finished(transfer, "you declined " + Transfers.label(transfer) + " from " + transfer.peer());
        }
    }

    /** Writes a chunk and acknowledges it; a chunk that does not fit, or a failed write, ends the transfer. */
    void chunk(IncomingTransfer transfer, Event.FileChunk chunk) {
        String problem;
        try {
            problem = transfer.write(chunk.index(), chunk.bytes());
        } catch (IOException e) {
            abandon(transfer, "the receiver could not write the file: " + e.getMessage());
            return;
        }
        if (problem != null) {
            abandon(transfer, problem);
            return;
        }
        send(new Command.FileAck(transfer.id(), chunk.index()));
        reporter.progressed(false);
    }

    /** The sender is done: checks the file and keeps it, or deletes it and says why. */
    void save(IncomingTransfer transfer) {
        Path saved;
        try {
            saved = transfer.save();
        } catch (IncomingTransfer.Mismatch mismatch) {
            abandon(transfer, mismatch.getMessage());
            return;
        } catch (IOException e) {
            abandon(transfer, "the receiver could not save the file: " + e.getMessage());
            return;
        }
        if (transfer.end()) {
            send(new Command.FileDone(transfer.id()));
            reporter.finished(transfer, "saved " + Transfers.label(transfer) + " from " + transfer.peer() + " as "
                    + saved + " (" + Sizes.bytes(transfer.size()) + ", checksum verified)");
        }
    }

    /** Ends the transfer over a problem on this side: deletes the file, tells the sender and the user. */
    private void abandon(IncomingTransfer transfer, String problem) {
        if (transfer.end()) {
            transfer.discard();
            send(new Command.FileCancel(transfer.id(), Transfer.reason(problem)));
            reporter.finished(transfer, Transfers.label(transfer) + " from " + transfer.peer() + " failed: "
                    + problem + "; the file was deleted");
        }
    }

    private void send(Command.FileCommand command) {
        try {
            link.sendUnmetered(command);
        } catch (IOException e) {
            // The connection is gone; its end aborts every transfer and says so.
        }
    }
}
