package lanchat.client.files;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;

/**
 * This client's file transfers, by id: carries out the file commands the user types ({@link #handle}) and the
 * file events the server relays ({@link #onEvent}), and keeps the progress lines up to date. The work of one
 * transfer is in its {@link OutgoingTransfer} or {@link IncomingTransfer}; what the user sees is said here.
 *
 * <p>{@link Sending} and {@link Receiving} hold the work of each side; this class keeps the transfers by id, routes
 * to them, and carries out what concerns both ({@code /cancel}, {@code /transfers}, errors, the end).
 *
 * <p>Threads: {@link #handle} on the input thread, {@link #onEvent}, {@link #onError} and {@link #abortAll} on the
 * connection's reader thread (or the input thread, for {@code abortAll} after {@code /quit}); outgoing transfers
 * report from their own threads. Transfers are kept in a concurrent map; each guards its own state.
 */
public final class Transfers implements Reporter {
    private final TransferLink link;
    private final TransferOutput output;
    private final ProgressLine progress;
    private final ConcurrentHashMap<String, Transfer> byId = new ConcurrentHashMap<>();
    // Signalled whenever a transfer is forgotten, for awaitSettled.
    private final ReentrantLock settling = new ReentrantLock();
    private final Condition forgotten = settling.newCondition();
    private final Sending sending;
    private final Receiving receiving;

    public Transfers(TransferLink link, TransferOutput output, FileFolders folders) {
        this.link = link;
        this.output = output;
        this.progress = new ProgressLine(output, System::nanoTime);
        this.sending = new Sending(link, output, folders, this);
        this.receiving = new Receiving(link, output, folders, this);
    }

    /** Carries out a file command the user typed. Input thread. */
    public void handle(TransferRequest request) {
        switch (request) {
            case TransferRequest.Send send -> sending.send(send.nick(), send.path(), byId::containsKey);
            case TransferRequest.Accept accept -> find(accept.id(), IncomingTransfer.class)
                    .ifPresent(transfer -> receiving.accept(transfer, accept.folder()));
            case TransferRequest.Reject reject -> find(reject.id(), IncomingTransfer.class)
                    .ifPresent(receiving::reject);
            case TransferRequest.Cancel cancel -> find(cancel.id(), Transfer.class).ifPresent(this::cancel);
            case TransferRequest.ListAll list -> list();
            case TransferRequest.Mistake mistake -> output.notice(mistake.hint());
        }
    }

    /** Carries out a file event from the server. Reader thread. */
    public void onEvent(Event.FileEvent event) {
        Transfer transfer = byId.get(event.id());
        switch (event) {
            case Event.FileOffer offer -> {
                if (transfer == null) {
                    receiving.offered(offer);
                } else if (transfer instanceof OutgoingTransfer outgoing) {
                    sending.offered(outgoing, offer);
                }
            }
            case Event.FileAccept accept -> {
                if (transfer instanceof OutgoingTransfer outgoing) {
                    sending.accepted(outgoing, accept.from());
                }
            }
            case Event.FileReject reject -> end(transfer, reject.from() + " declined " + labelOf(transfer));
            case Event.FileChunk chunk -> {
                if (transfer instanceof IncomingTransfer incoming) {
                    receiving.chunk(incoming, chunk);
                }
            }
            case Event.FileAck ack -> {
                if (transfer instanceof OutgoingTransfer outgoing) {
                    outgoing.acknowledged(ack.index());
                }
            }
            case Event.FileDone done -> done(transfer, done);
            case Event.FileCancel cancel -> end(transfer, labelOf(transfer) + " " + directionOf(transfer)
                    + " was cancelled: " + cancel.reason());
        }
    }

    /**
     * An error that answers this client's {@code file-offer} or {@code file-accept} (the error itself is shown as
     * usual): the offer is forgotten; an accept refused for {@code too_many_transfers} can be tried again later,
     * any other ends the transfer. Reader thread.
     */
    public void onError(Event.Error error, Command answers) {
        if (answers instanceof Command.FileOffer offer) {
            end(byId.get(offer.id()), null);
        } else if (answers instanceof Command.FileAccept accept
                && byId.get(accept.id()) instanceof IncomingTransfer incoming) {
            if (ErrorCode.TOO_MANY_TRANSFERS.wire().equals(error.code()) && incoming.reoffer()) {
                progressed(true);
            } else {
                end(incoming, null);
            }
        }
    }

    /**
     * Waits until this client is needed by no transfer: every file it sends has been saved, declined or cancelled,
     * and every file it accepted has arrived or failed. Offers it never answered do not count. Line mode calls it
     * at the end of its input, so that {@code printf '/send bob notes.txt\n' | lanchat-client} sends the file
     * before it quits. Says once, as a notice, what it waits for.
     */
    public void awaitSettled() throws InterruptedException {
        boolean told = false;
        settling.lock();
        try {
            for (long busy = busyCount(); busy > 0; busy = busyCount()) {
                if (!told) {
                    output.notice("waiting for " + busy + (busy == 1 ? " file transfer" : " file transfers")
                            + " to end before quitting (/cancel or Ctrl-C to stop)");
                    told = true;
                }
                forgotten.await();
            }
        } finally {
            settling.unlock();
        }
    }

    /** The ids of every transfer, for completion. */
    public List<String> ids() {
        return byId.keySet().stream().sorted().toList();
    }

    /** Ends every transfer without a word to the server (the connection is gone): no partial file is left. */
    public void abortAll() {
        byId.values().forEach(transfer -> end(transfer, null));
        progress.update(List.of(), true);
    }

    @Override
    public void started(Transfer transfer) {
        if (byId.putIfAbsent(transfer.id(), transfer) != null) {
            throw new IllegalStateException("transfer id in use: " + transfer.id());
        }
        progressed(true);
    }

    @Override
    public void progressed(boolean now) {
        progress.update(byId.values(), now);
    }

    @Override
    public void finished(Transfer transfer, String line) {
        byId.remove(transfer.id(), transfer);
        if (line != null) {
            output.transfer(line);
        }
        progress.update(byId.values(), true);
        settling.lock();
        try {
            forgotten.signalAll();
        } finally {
            settling.unlock();
        }
    }

    private long busyCount() {
        return byId.values().stream()
                .filter(transfer -> transfer instanceof OutgoingTransfer || transfer.stage() != Transfer.Stage.OFFERED)
                .count();
    }

    private void cancel(Transfer transfer) {
        switch (transfer) {
            case OutgoingTransfer outgoing -> {
                if (outgoing.cancel()) {
                    finished(outgoing, "you cancelled " + label(outgoing) + " to " + outgoing.peer());
                }
            }
            case IncomingTransfer incoming -> {
                Transfer.Stage before = incoming.endFrom();
                if (before == Transfer.Stage.ENDED) {
                    return;
                }
                incoming.discard();
                Sending.send(link, before == Transfer.Stage.OFFERED ? new Command.FileReject(incoming.id())
                        : new Command.FileCancel(incoming.id(), "cancelled by the receiver"), false, output);
                finished(incoming, "you cancelled " + label(incoming) + " from " + incoming.peer()
                        + (before == Transfer.Stage.OFFERED ? "" : "; the partial file was deleted"));
            }
        }
    }

    private void done(Transfer transfer, Event.FileDone done) {
        switch (transfer) {
            case OutgoingTransfer outgoing -> end(outgoing, done.from() + " saved " + label(outgoing) + " ("
                    + Sizes.bytes(outgoing.size()) + ", checksum verified)");
            case IncomingTransfer incoming -> receiving.save(incoming);
            case null -> { }
        }
    }

    private void list() {
        if (byId.isEmpty()) {
            output.notice("no file transfers");
            return;
        }
        byId.values().stream().sorted(Comparator.comparing(Transfer::id)).forEach(transfer ->
                output.notice(transfer.id() + "  " + transfer.name() + " " + transfer.direction() + ", "
                        + Sizes.bytes(transfer.size()) + ": " + transfer.activity()
                        + (transfer.stage() == Transfer.Stage.MOVING ? ", " + ProgressLine.percent(transfer) + "%"
                                : "")));
    }

    /** Ends {@code transfer} (null: nothing to do) unless it is over already, cleans up, shows {@code line}. */
    void end(Transfer transfer, String line) {
        if (transfer == null || !transfer.end()) {
            return;
        }
        switch (transfer) {
            case OutgoingTransfer outgoing -> outgoing.stop();
            case IncomingTransfer incoming -> incoming.discard();
        }
        finished(transfer, line);
    }

    private <T extends Transfer> Optional<T> find(String id, Class<T> type) {
        Transfer transfer = byId.get(id);
        if (type.isInstance(transfer)) {
            return Optional.of(type.cast(transfer));
        }
        output.notice(transfer == null ? "no transfer " + id + " — /transfers lists them"
                : label(transfer) + " is a file you send; /cancel " + id + " stops it");
        return Optional.empty();
    }

    /** "report.pdf [k3f9q2]": how lines name a transfer. */
    static String label(Transfer transfer) {
        return transfer.name() + " [" + transfer.id() + "]";
    }

    private static String labelOf(Transfer transfer) {
        return transfer == null ? "" : label(transfer);
    }

    private static String directionOf(Transfer transfer) {
        return transfer == null ? "" : transfer.direction();
    }
}
