package lanchat.server.files;

import java.util.Optional;
import java.util.function.Consumer;
import lanchat.protocol.Command;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.server.session.Frames;
import lanchat.server.session.Member;
import lanchat.server.session.NickRegistry;
import lanchat.server.session.Session;

/**
 * Carries out one client's file-transfer commands (PROTOCOL.md section 10): checks each against its
 * {@link Transfer} and relays it to the other side as the matching event, with {@code from} set to this client's
 * nick. The server stores nothing of the file. One per session, made by the server's wiring for its chat side;
 * runs on the session's reader thread with the session's lock held.
 *
 * <p>A frame that breaks a transfer's rules ends that transfer: this client gets {@code error{transfer_invalid}}
 * (with the frame's ref), and both sides get {@code file-cancel} with the reason {@code transfer_invalid: …}.
 */
public final class FileRelay {
    private final Session session;
    private final Transfers transfers;
    private final NickRegistry nicks;

    public FileRelay(Session session, Transfers transfers, NickRegistry nicks) {
        this.session = session;
        this.transfers = transfers;
        this.nicks = nicks;
    }

    public void handle(Command.FileCommand command, String ref) {
        switch (command) {
            case Command.FileOffer offer -> offer(offer, ref);
            case Command.FileAccept accept -> asReceiver(accept.id(), ref, transfer -> accept(transfer, ref));
            case Command.FileReject reject -> asReceiver(reject.id(), ref, transfer -> relayOrRefuse(transfer,
                    transfer.reject(frame(new Event.FileReject(session.nick(), transfer.id())),
                            () -> transfers.forget(transfer)), ref));
            case Command.FileChunk chunk -> asSender(chunk.id(), ref, transfer -> chunk(transfer, chunk, ref));
            case Command.FileAck ack -> asReceiver(ack.id(), ref, transfer -> relayOrRefuse(transfer,
                    transfer.ack(ack.index(), frame(new Event.FileAck(session.nick(), ack.id(), ack.index()))),
                    ref));
            case Command.FileDone done -> find(done.id(), ref).ifPresent(transfer -> done(transfer, ref));
            case Command.FileCancel cancel -> find(cancel.id(), ref).ifPresent(transfer -> cancel(transfer,
                    cancel.reason()));
        }
    }

    private void offer(Command.FileOffer offer, String ref) {
        Optional<Member> target = nicks.find(offer.to());
        if (offer.size() > transfers.maxFileBytes() || transfers.maxFileBytes() == 0) {
            session.reject(ErrorCode.FILE_TOO_LARGE, tooLarge(offer), ref);
        } else if (target.isEmpty()) {
            session.reject(ErrorCode.NO_SUCH_NICK, "nobody is called \"" + offer.to() + "\"", ref);
        } else if (target.get() == session) {
            session.reject(ErrorCode.TRANSFER_INVALID, "you cannot send a file to yourself", ref);
        } else if (transfers.outgoing(session) >= Transfers.MAX_OUTGOING) {
            session.reject(ErrorCode.TOO_MANY_TRANSFERS, "you already have " + Transfers.MAX_OUTGOING
                    + " transfers in progress as the sender; wait for one to end", ref);
        } else {
            register(new Transfer(offer.id(), session, target.get(), offer.size()), offer, ref);
        }
    }

    private void register(Transfer transfer, Command.FileOffer offer, String ref) {
        if (!transfers.register(transfer)) {
            session.reject(ErrorCode.TRANSFER_INVALID, "transfer id \"" + offer.id()
                    + "\" is in use by another transfer; choose another id", ref);
            return;
        }
        Member receiver = transfer.receiver();
        if (nicks.find(receiver.nick()).orElse(null) != receiver) {
            // The receiver left after we looked it up: its departure could not see this transfer.
            transfers.forget(transfer);
            session.reject(ErrorCode.NO_SUCH_NICK, "nobody is called \"" + offer.to() + "\"", ref);
            return;
        }
        Event.FileOffer event = new Event.FileOffer(session.nick(), receiver.nick(), offer.id(), offer.name(),
                offer.size(), offer.sha256());
        receiver.deliver(frame(event));
        session.send(event, ref);
    }

    private void accept(Transfer transfer, String ref) {
        if (transfers.incoming(session) >= transfers.maxIncoming()) {
            session.reject(ErrorCode.TOO_MANY_TRANSFERS, transfers.maxIncoming() == 0
                    ? "this server's send queue is too small to relay files to you"
                    : "you are already receiving " + transfers.maxIncoming() + " files; accept this one when one "
                            + "of them has ended", ref);
            return;
        }
        relayOrRefuse(transfer, transfer.accept(frame(new Event.FileAccept(session.nick(), transfer.id()))), ref);
    }

    private void chunk(Transfer transfer, Command.FileChunk chunk, String ref) {
        byte[] frame = frame(new Event.FileChunk(session.nick(), chunk.id(), chunk.index(), chunk.data()));
        relayOrRefuse(transfer, transfer.chunk(chunk.index(), chunk.byteCount(), frame), ref);
    }

    private void done(Transfer transfer, String ref) {
        byte[] frame = frame(new Event.FileDone(session.nick(), transfer.id()));
        relayOrRefuse(transfer, transfer.sender() == session ? transfer.sendersDone(frame)
                : transfer.receiversDone(frame, () -> transfers.forget(transfer)), ref);
    }

    private void cancel(Transfer transfer, String reason) {
        if (transfer.end()) {
            transfers.forget(transfer);
            Event.FileCancel cancel = new Event.FileCancel(session.nick(), transfer.id(),
                    reason == null ? "cancelled" : reason);
            transfer.peerOf(session).deliver(frame(cancel));
        }
    }

    /** After a step: nothing more when it went through; when the frame broke a rule, ends the transfer. */
    private void relayOrRefuse(Transfer transfer, String problem, String ref) {
        if (problem == null) {
            return;
        }
        String reason = Transfers.reason(ErrorCode.TRANSFER_INVALID.wire() + ": " + problem);
        boolean endedHere = transfer.end();
        Member peer = transfer.peerOf(session);
        if (endedHere) {
            transfers.forget(transfer);
            peer.deliver(frame(new Event.FileCancel(session.nick(), transfer.id(), reason)));
        }
        session.reject(ErrorCode.TRANSFER_INVALID, problem + "; the transfer is cancelled", ref);
        if (endedHere) {
            session.deliver(frame(new Event.FileCancel(peer.nick(), transfer.id(), reason)));
        }
    }

    private void asSender(String id, String ref, Consumer<Transfer> step) {
        find(id, ref).ifPresent(transfer -> {
            if (transfer.sender() == session) {
                step.accept(transfer);
            } else {
                relayOrRefuse(transfer, "only the sender of transfer " + id + " sends its chunks", ref);
            }
        });
    }

    private void asReceiver(String id, String ref, Consumer<Transfer> step) {
        find(id, ref).ifPresent(transfer -> {
            if (transfer.receiver() == session) {
                step.accept(transfer);
            } else {
                relayOrRefuse(transfer, "only the receiver of transfer " + id + " can do that", ref);
            }
        });
    }

    /** The transfer this client takes part in; otherwise {@code no_such_transfer}, unless it ended just now. */
    private Optional<Transfer> find(String id, String ref) {
        Optional<Transfer> transfer = transfers.find(id, session);
        if (transfer.isEmpty() && !transfers.endedRecently(id, session)) {
            session.reject(ErrorCode.NO_SUCH_TRANSFER, "no transfer \"" + id + "\" of yours is in progress", ref);
        }
        return transfer;
    }

    private String tooLarge(Command.FileOffer offer) {
        if (transfers.maxFileBytes() == 0) {
            return "this server does not relay files";
        }
        return "\"" + offer.name() + "\" is " + offer.size() + " bytes; this server relays files of at most "
                + transfers.maxFileBytes() + " bytes";
    }

    private static byte[] frame(Event event) {
        return Frames.encode(event, null);
    }
}
