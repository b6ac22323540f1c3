package lanchat.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameReader;
import lanchat.protocol.wire.FrameWriter;

/**
 * A scripted stand-in for the LanChat server, for testing the client alone: the test accepts a connection and
 * then reads and writes exactly the frames it wants, on its own thread. Listens on 127.0.0.1, port 0; every
 * accept and read gives up after 5 s. {@link #close()} closes the listening socket and every accepted one.
 */
public final class FakeServer implements AutoCloseable {
    private static final int TIMEOUT_MS = 5_000;

    private final ServerSocket serverSocket;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();

    public FakeServer() throws IOException {
        serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        serverSocket.setSoTimeout(TIMEOUT_MS);
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** A welcome for {@code nick} with the default limits. */
    public static Event.Welcome welcome(String nick) {
        return new Event.Welcome(nick, "FakeServer", 1, "token-1", 65_536, 4_000, 5, 10, 60_000L, false, null);
    }

    public Peer accept() throws IOException {
        Socket socket = serverSocket.accept();
        socket.setSoTimeout(TIMEOUT_MS);
        Peer peer = new Peer(socket);
        peers.add(peer);
        return peer;
    }

    /** Accepts a client, reads its hello and welcomes it with the nick it asked for. */
    public Peer acceptAndWelcome() throws IOException {
        Peer peer = accept();
        Command.Hello hello = peer.expect(Command.Hello.class);
        peer.send(welcome(hello.nick()), "hello");
        return peer;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Peer peer : peers) {
            peer.close();
        }
    }

    /** One accepted client connection. */
    public static final class Peer implements AutoCloseable {
        private final Socket socket;
        private final FrameReader reader;
        private final FrameWriter writer;
        private final OutputStream rawOut;

        Peer(Socket socket) throws IOException {
            this.socket = socket;
            this.reader = new FrameReader(socket.getInputStream());
            this.rawOut = socket.getOutputStream();
            this.writer = new FrameWriter(new BufferedOutputStream(rawOut));
        }

        /** The next frame from the client; throws at its end of stream. */
        public Envelope<Command> read() throws IOException {
            Envelope<Command> envelope = MessageCodec.readCommand(reader);
            if (envelope == null) {
                throw new EOFException("the client closed the connection");
            }
            return envelope;
        }

        public <T extends Command> T expect(Class<T> type) throws IOException {
            return type.cast(expectEnvelope(type).message());
        }

        public Envelope<Command> expectEnvelope(Class<? extends Command> type) throws IOException {
            Envelope<Command> envelope = read();
            assertInstanceOf(type, envelope.message());
            return envelope;
        }

        /** Reads until the client closes its side; fails if another frame comes first. */
        public void expectEnd() throws IOException {
            assertEquals(null, MessageCodec.readCommand(reader));
        }

        public void send(Event event) throws IOException {
            writer.write(MessageCodec.encode(event, null));
        }

        public void send(Event event, String ref) throws IOException {
            writer.write(MessageCodec.encode(event, ref));
        }

        /** Writes bytes as they are, framing or not. */
        public void sendRaw(byte[] bytes) throws IOException {
            rawOut.write(bytes);
            rawOut.flush();
        }

        /** Cuts the connection as a network failure would: a reset (SO_LINGER 0), no bye. */
        public void cut() throws IOException {
            socket.setSoLinger(true, 0);
            socket.close();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
