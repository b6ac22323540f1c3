package lanchat.server.transport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** A TCP socket as an {@link Outbox}'s {@link ByteSink}. */
public final class SocketSink implements ByteSink {
    private final Socket socket;
    private volatile OutputStream out;

    public SocketSink(Socket socket) {
        this.socket = socket;
    }

    @Override
    public void write(byte[] bytes, int length) throws IOException {
        OutputStream stream = out;
        if (stream == null) {
            stream = socket.getOutputStream();
            out = stream;
        }
        // Like sendall: write() returns once every byte is in the kernel's send buffer, or throws.
        stream.write(bytes, 0, length);
    }

    @Override
    public void endOutput() throws IOException {
        // A FIN after our last byte: the peer reads everything we sent, then end of stream.
        socket.shutdownOutput();
    }

    /**
     * The kernel's send buffer (fixed small by the server) is full, so the error that {@link Outbox#finish} queues
     * could never leave. Growing the buffer by one write lets the rest of the write in progress and that error in;
     * Linux wakes the blocked writer when the buffer grows.
     */
    @Override
    public void makeRoom(int bytes) {
        try {
            socket.setSendBufferSize(socket.getSendBufferSize() + bytes);
        } catch (IOException e) {
            // closed meanwhile: nobody is left to tell
        }
    }
}
