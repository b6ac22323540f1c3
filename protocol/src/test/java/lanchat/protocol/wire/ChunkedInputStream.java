package lanchat.protocol.wire;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** An in-memory stream that hands out at most {@code chunk} bytes per read, as a TCP socket may. */
final class ChunkedInputStream extends InputStream {
    private final ByteArrayInputStream bytes;
    private final int chunk;
    private int reads;

    ChunkedInputStream(byte[] data, int chunk) {
        this.bytes = new ByteArrayInputStream(data);
        this.chunk = chunk;
    }

    @Override
    public int read() {
        reads++;
        return bytes.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
        reads++;
        return bytes.read(b, off, Math.min(len, chunk));
    }

    int reads() {
        return reads;
    }
}
