package lanchat.client.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Command;
import lanchat.protocol.FieldRules;

/**
 * A file this client sends. Two threads of its own do the slow work: {@code offer ID} computes the SHA-256 and
 * sends the {@code file-offer}; once the receiver accepts, {@code send ID} reads the file again and sends it in
 * chunks of up to 32 KiB, never more than {@value FieldRules#TRANSFER_WINDOW_CHUNKS} ahead of the receiver's
 * {@code file-ack}s (a semaphore holds the window; each ack, on the reader thread, releases one permit). It
 * hashes what it reads again and sends {@code file-done} only when that matches the offer; a file that changed
 * in between is cancelled instead.
 *
 * <p>Nothing here interrupts a thread: interrupting a virtual thread blocked on the socket would close the
 * connection. {@link #stop} sets the stage and releases the window, and the threads notice.
 */
public final class OutgoingTransfer extends Transfer {
    private final Path path;
    private final TransferLink link;
    private final Reporter reporter;
    private final Semaphore window = new Semaphore(FieldRules.TRANSFER_WINDOW_CHUNKS);
    // Held while the offer or the user's cancel is sent, so a cancel can never overtake its offer.
    private final ReentrantLock offering = new ReentrantLock();
    private volatile String sha256;

    OutgoingTransfer(String id, String peer, Path path, String name, long size, TransferLink link,
            Reporter reporter) {
        super(id, peer, name, size, Stage.PREPARING);
        this.path = path;
        this.link = link;
        this.reporter = reporter;
    }

    /** Starts thread {@code offer ID}: computes the checksum, then sends the offer. */
    void start() {
        startClock();
        Thread.ofVirtual().name("offer " + id()).start(this::hashAndOffer);
    }

    /** The receiver accepted: starts thread {@code send ID}; false when the offer was over already. Reader thread. */
    boolean accepted() {
        if (!moveTo(Stage.OFFERED, Stage.MOVING)) {
            return false;
        }
        startClock();
        Thread.ofVirtual().name("send " + id()).start(this::sendChunks);
        return true;
    }

    /** The receiver has chunk {@code index}: one more may go. Reader thread. */
    void acknowledged(long index) {
        progressed(Math.min(size(), (index + 1) * FieldRules.MAX_CHUNK_BYTES));
        window.release();
        reporter.progressed(false);
    }

    /**
     * The user cancels: ends the transfer and, if the offer went out, tells the receiver. Input thread.
     *
     * @return false when it was over already
     */
    boolean cancel() {
        offering.lock();
        try {
            Stage before = endFrom();
            if (before == Stage.ENDED) {
                return false;
            }
            release();
            if (before != Stage.PREPARING) {
                trySend(new Command.FileCancel(id(), "cancelled by the sender"), false);
            }
            return true;
        } finally {
            offering.unlock();
        }
    }

    /** Ends the transfer without a word to anyone (the connection is gone, or the other side ended it). */
    void stop() {
        end();
        release();
    }

    @Override
    String direction() {
        return "to " + peer();
    }

    @Override
    String activity() {
        return switch (stage()) {
            case PREPARING -> "computing the checksum";
            case OFFERED -> "waiting for " + peer() + " to accept";
            case MOVING -> "sending";
            case CHECKING -> "sent; " + peer() + " is checking it";
            case ENDED -> "over";
        };
    }

    private void hashAndOffer() {
        Checksum.Summary summary;
        try {
            summary = Checksum.of(path, this::hashed, this::isEnded);
        } catch (IOException e) {
            fail("could not read " + path + ": " + e.getMessage(), false);
            return;
        }
        if (summary == null) {
            return;
        }
        if (summary.size() != size()) {
            fail(path + " changed while its checksum was computed; send it again", false);
            return;
        }
        sha256 = summary.sha256();
        offering.lock();
        try {
            if (moveTo(Stage.PREPARING, Stage.OFFERED)) {
                trySend(new Command.FileOffer(peer(), id(), name(), size(), sha256), true);
            }
        } finally {
            offering.unlock();
        }
    }

    private void hashed(long bytes) {
        progressed(bytes);
        reporter.progressed(false);
    }

    private void sendChunks() {
        MessageDigest digest = Checksum.newDigest();
        byte[] buffer = new byte[FieldRules.MAX_CHUNK_BYTES];
        long sent = 0;
        try (InputStream in = Files.newInputStream(path)) {
            for (long index = 0; sent < size(); index++) {
                window.acquire();
                int length = in.readNBytes(buffer, 0, (int) Math.min(buffer.length, size() - sent));
                if (isEnded() || length == 0) {
                    break;
                }
                digest.update(buffer, 0, length);
                if (!trySend(Command.FileChunk.of(id(), index, buffer, length), false)) {
                    return;
                }
                sent += length;
            }
            // One more byte means the file grew since the offer.
            sent += in.read() < 0 ? 0 : 1;
        } catch (IOException e) {
            fail("could not read " + path + ": " + e.getMessage(), true);
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        finishSending(sent, Checksum.hex(digest));
    }

    private void finishSending(long sent, String digest) {
        if (isEnded()) {
            return;
        }
        if (sent != size() || !digest.equals(sha256)) {
            fail(path + " changed while it was being sent", true);
        } else if (moveTo(Stage.MOVING, Stage.CHECKING)) {
            trySend(new Command.FileDone(id()), false);
            reporter.progressed(true);
        }
    }

    /** Ends the transfer over a local problem; tells the receiver when it was offered, and the user. */
    private void fail(String problem, boolean tellReceiver) {
        if (end()) {
            release();
            if (tellReceiver) {
                trySend(new Command.FileCancel(id(), reason(problem)), false);
            }
            reporter.finished(this, name() + " [" + id() + "] to " + peer() + " failed: " + problem);
        }
    }

    /** Sends; false when the connection is gone (closing it ends every transfer anyway). */
    private boolean trySend(Command.FileCommand command, boolean paced) {
        try {
            if (paced) {
                link.send(command);
            } else {
                link.sendUnmetered(command);
            }
            return true;
        } catch (IOException e) {
            stop();
            return false;
        }
    }

    /** Wakes the sending thread if it waits for the window; it then sees the end. */
    private void release() {
        window.release(FieldRules.TRANSFER_WINDOW_CHUNKS);
    }
}
