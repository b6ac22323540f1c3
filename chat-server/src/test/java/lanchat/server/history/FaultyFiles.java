package lanchat.server.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link FileOpener} for tests: real files, through channels that fail on demand as on a full disk, and a record
 * of every channel opened. A failing write first writes {@link #partialBytes} of its buffer (a disk that filled up
 * in the middle of a line), then throws {@code IOException("No space left on device")}. Thread-safe.
 */
public final class FaultyFiles implements FileOpener {
    public volatile boolean failWrites;
    public volatile boolean failTruncates;
    public volatile boolean failForces;
    public volatile boolean failOpens;
    public volatile int partialBytes = 7;
    private final List<Opened> opened = new CopyOnWriteArrayList<>();

    /** One channel this opener handed out, and the file it is on. */
    public record Opened(Path file, FileChannel channel) {
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        if (failOpens) {
            throw new IOException("No space left on device");
        }
        FileChannel channel = new Channel(FileChannel.open(file, options));
        opened.add(new Opened(file, channel));
        return channel;
    }

    /** Every channel opened so far, open or closed. */
    public List<Opened> opened() {
        return List.copyOf(opened);
    }

    /** How many channels on files called {@code *.jsonl} are open now. */
    public long openRoomFiles() {
        return opened.stream().filter(each -> each.channel().isOpen())
                .filter(each -> each.file().getFileName().toString().endsWith(DataDir.SUFFIX)).count();
    }

    private static IOException full() {
        return new IOException("No space left on device");
    }

    private final class Channel extends FileChannel {
        private final FileChannel real;

        Channel(FileChannel real) {
            this.real = real;
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            if (failWrites) {
                int part = Math.min(partialBytes, source.remaining());
                real.write(source.slice(source.position(), part));
                source.position(source.position() + part);
                throw full();
            }
            return real.write(source);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            if (failTruncates) {
                throw new IOException("Input/output error");
            }
            real.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failForces) {
                throw full();
            }
            real.force(metaData);
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return real.read(destination);
        }

        @Override
        public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
            return real.read(destinations, offset, length);
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
            throw new UnsupportedOperationException("gathering writes are not used by the journal");
        }

        @Override
        public long position() throws IOException {
            return real.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            real.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return real.size();
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return real.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
            throw new UnsupportedOperationException("not used by the journal");
        }

        @Override
        public int read(ByteBuffer destination, long position) throws IOException {
            return real.read(destination, position);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            throw new UnsupportedOperationException("positional writes are not used by the journal");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException("not used by the journal");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return real.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return real.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            real.close();
        }
    }
}
