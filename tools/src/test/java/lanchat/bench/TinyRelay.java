package lanchat.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameReader;
import lanchat.protocol.wire.FrameWriter;

/**
 * A stand-in server for the benchmark's own tests: just enough of the protocol (hello, join, say, ping) for
 * the load clients, one room-wide lock, a {@code server_full} after {@code maxClients}. Keeps these tests
 * independent of the real server's progress. One virtual thread per connection; close() stops it all.
 */
final class TinyRelay implements AutoCloseable {
    private final ServerSocket listener;
    private final int maxClients;
    private final List<Peer> members = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final ReentrantLock roomLock = new ReentrantLock();
    private final AtomicInteger connected = new AtomicInteger();
    private long seq;

    private record Peer(String nick, FrameWriter out, ReentrantLock lock) {
        void send(Event event) throws IOException {
            lock.lock();
            try {
                out.write(MessageCodec.encode(event));
            } finally {
                lock.unlock();
            }
        }
    }

    TinyRelay(int maxClients) throws IOException {
        this.listener = new ServerSocket(0, 1024, InetAddress.getLoopbackAddress());
        this.maxClients = maxClients;
        Thread.ofPlatform().daemon().name("accept").start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void acceptLoop() {
        try {
            while (true) {
                Socket socket = listener.accept();
                sockets.add(socket);
                Thread.ofVirtual().start(() -> serve(socket));
            }
        } catch (IOException e) {
            // Closed: the relay stops.
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            Peer peer = new Peer(null, new FrameWriter(socket.getOutputStream()), new ReentrantLock());
            if (connected.incrementAndGet() > maxClients) {
                peer.send(new Event.Error(ErrorCode.SERVER_FULL, "server is full"));
                return;
            }
            FrameReader in = new FrameReader(socket.getInputStream());
            Envelope<Command> envelope;
            while ((envelope = MessageCodec.readCommand(in)) != null) {
                peer = handle(peer, envelope.message());
            }
        } catch (IOException e) {
            // The client went away.
        } finally {
            connected.decrementAndGet();
        }
    }

    private Peer handle(Peer peer, Command command) throws IOException {
        switch (command) {
            case Command.Hello hello -> {
                peer = new Peer(hello.nick(), peer.out(), peer.lock());
                peer.send(new Event.Welcome(hello.nick(), "tiny", 1, "token", 65_536, 4_000, 0, 0, 30_000L, false,
                        null));
            }
            case Command.Join join -> {
                members.add(peer);
                broadcast(new Event.Joined(join.room(), peer.nick()));
                peer.send(new Event.Users(join.room(), members.stream().map(Peer::nick).sorted().toList()));
            }
            case Command.Say say -> {
                roomLock.lock();
                try {
                    broadcast(new Event.Message(say.room(), peer.nick(), say.text(), false, ++seq,
                            Instant.now().toString(), false));
                } finally {
                    roomLock.unlock();
                }
            }
            case Command.Ping ping -> peer.send(new Event.Pong());
            default -> {
            }
        }
        return peer;
    }

    private void broadcast(Event event) {
        for (Peer member : members) {
            try {
                member.send(event);
            } catch (IOException e) {
                members.remove(member);
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            socket.close();
        }
    }
}
