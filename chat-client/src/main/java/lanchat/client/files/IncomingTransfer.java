package lanchat.client.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A file this client receives. On {@link #accept} it creates a hidden temporary file ({@code .lanchat-*.part}) in
 * the folder it will be saved in, so that the final rename stays within one file system; each chunk is written
 * there and hashed. Only when the sender's {@code file-done} arrives and the size and SHA-256 match the offer is
 * the file renamed to its {@link SafeFileName safe name}; anything else deletes it.
 *
 * <p>Threads: {@link #accept} and {@link #discard} may run on the input thread, everything else on the reader
 * thread. Every file operation runs under the transfer's lock, so a cancel never closes the file under a write.
 */
public final class IncomingTransfer extends Transfer {
    private final String sha256;
    private Path folder;
    private Path temporary;
    private FileChannel channel;
    private MessageDigest digest;
    private long nextIndex;
    private long written;

    IncomingTransfer(String id, String peer, String name, long size, String sha256) {
        super(id, peer, name, size, Stage.OFFERED);
        this.sha256 = sha256;
    }

    /** Opens the temporary file in {@code folder} (creating the folder) and starts receiving. Input thread. */
    void accept(Path folder) throws IOException {
        Files.createDirectories(folder);
        long free = Files.getFileStore(folder).getUsableSpace();
        if (free < size()) {
            throw new IOException("only " + Sizes.bytes(free) + " free in " + folder + ", and the file is "
                    + Sizes.bytes(size()));
        }
        Path created = Files.createTempFile(folder, ".lanchat-", ".part");
        // If the program ends before the transfer does, no partial file is left behind.
        created.toFile().deleteOnExit();
        FileChannel opened;
        try {
            opened = FileChannel.open(created, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(created);
            throw e;
        }
        boolean started = locked(() -> {
            if (!moveTo(Stage.OFFERED, Stage.MOVING)) {
                return false;
            }
            this.folder = folder;
            this.temporary = created;
            this.channel = opened;
            this.digest = Checksum.newDigest();
            return true;
        });
        if (!started) {
            opened.close();
            Files.deleteIfExists(created);
            throw new IOException("transfer " + id() + " is no longer offered");
        }
        startClock();
    }

    /**
     * Goes back to being offered after an accept the server refused before any chunk came, deleting the
     * temporary file: the user may accept again later. Reader thread.
     *
     * @return false when the transfer was not in that state (and nothing changed)
     */
    boolean reoffer() {
        boolean back = locked(() -> written == 0 && moveTo(Stage.MOVING, Stage.OFFERED));
        if (back) {
            Path partial = locked(() -> temporary);
            closeChannel();
            deleteQuietly(partial);
            locked(() -> temporary = null);
        }
        return back;
    }

    /** The folder the file goes to, once accepted. */
    Path folder() {
        return locked(() -> folder);
    }

    /**
     * Writes chunk {@code index}. Reader thread.
     *
     * @return null, or why the chunk is wrong (out of order, past the offered size): the transfer must end
     */
    String write(long index, byte[] bytes) throws IOException {
        IOException[] failure = new IOException[1];
        String problem = locked(() -> {
            if (stage() != Stage.MOVING) {
                return "chunk " + index + " while " + activity();
            }
            if (index != nextIndex || written + bytes.length > size()) {
                return "chunk " + index + " of " + bytes.length + " bytes does not fit (expected chunk "
                        + nextIndex + ", " + (size() - written) + " bytes to go)";
            }
            try {
                channel.write(ByteBuffer.wrap(bytes));
            } catch (IOException e) {
                failure[0] = e;
                return null;
            }
            digest.update(bytes);
            nextIndex++;
            written += bytes.length;
            progressed(written);
            return null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
        return problem;
    }

    /**
     * The sender is done: checks the size and the checksum and, when both match, saves the file under its safe
     * name (never overwriting). Reader thread.
     *
     * @return where the file was saved
     * @throws Mismatch when the size or the checksum differ; the temporary file is then deleted
     */
    Path save() throws IOException, Mismatch {
        Saving saving = locked(() -> moveTo(Stage.MOVING, Stage.CHECKING)
                ? new Saving(temporary, folder, written, Checksum.hex(digest)) : null);
        if (saving == null) {
            throw new IOException("transfer " + id() + " is " + activity() + ", not receiving");
        }
        closeChannel();
        if (saving.bytes() != size() || !saving.sha256().equals(sha256)) {
            Files.deleteIfExists(saving.temporary());
            throw new Mismatch(saving.bytes() != size()
                    ? saving.bytes() + " bytes arrived, " + size() + " were offered"
                    : "checksum mismatch: expected SHA-256 " + sha256 + ", got " + saving.sha256());
        }
        return SafeFileName.place(saving.temporary(), saving.folder(), SafeFileName.of(name()));
    }

    /** Closes and deletes the temporary file, if any; safe to call twice. Any thread. */
    void discard() {
        end();
        Path partial = locked(() -> {
            Path path = temporary;
            temporary = null;
            return path;
        });
        closeChannel();
        deleteQuietly(partial);
    }

    private static void deleteQuietly(Path partial) {
        if (partial != null) {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                partial.toFile().deleteOnExit();
            }
        }
    }

    @Override
    String direction() {
        return "from " + peer();
    }

    @Override
    String activity() {
        return switch (stage()) {
            case PREPARING, OFFERED -> "offered";
            case MOVING -> "receiving";
            case CHECKING -> "checking";
            case ENDED -> "over";
        };
    }

    private void closeChannel() {
        FileChannel open = locked(() -> {
            FileChannel current = channel;
            channel = null;
            return current;
        });
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // Nothing more will be written; the file is renamed or deleted next.
            }
        }
    }

    /** What {@link #save} checks, taken under the lock. */
    private record Saving(Path temporary, Path folder, long bytes, String sha256) {
    }

    /** The file that arrived is not the file that was offered. */
    static final class Mismatch extends Exception {
        Mismatch(String message) {
            super(message);
        }
    }
}
