package lanchat.server.transport;

import java.net.InetAddress;
import java.util.List;
import lanchat.server.runtime.ThreadKind;

/**
 * One client's connection, carrying frames (a 4-byte length header and a body) both ways: how a session reads
 * frames, queues frames, learns who the peer is, and closes. A TCP socket today ({@link TcpConnection}); a TLS
 * socket or a WebSocket implement the same promises, and {@code .session} and {@code .chat} see no difference.
 *
 * <p>Promises: {@link #start} starts one reader thread, which hands each frame's body to {@link Inbound} in the
 * order they arrived, and is the only thread that reads. The {@code offer} methods never block and never throw:
 * they only append to a bounded queue whose writer thread is the only one that writes; a full queue refuses
 * (false) and tells {@link Outbox.Trouble} once. After {@link #finish} every queued frame is still sent, then the
 * output ends; the reader thread closes the connection once the peer has closed its side, or {@link #close}
 * does it earlier. {@link #close} is idempotent and safe from any thread.
 */
public interface Connection extends AutoCloseable {

    /** The peer's address: what per-address limits and the password guard count by. */
    InetAddress peerAddress();

    /** The peer as shown in log lines and thread names, e.g. {@code /127.0.0.1:51234}. */
    String peer();

    /**
     * Starts the reader thread (named {@code readerName}) and lets the writer start (named {@code writerName});
     * called once. {@code inbound} gets the frames, {@code trouble} the writer's problems.
     */
    void start(ThreadKind threads, String readerName, String writerName, Inbound inbound, Outbox.Trouble trouble);

    /** Names the writer thread (after a nick change); the reader names itself. */
    void renameWriter(String name);

    /** Queues a ready frame; false when it was refused (finishing, closed, or the queue is over its limit). */
    boolean offer(byte[] frame);

    /** Queues the frames of one replay (see {@link Outbox#offerReplay}); false when any was refused. */
    boolean offerReplay(List<byte[]> frames);

    /** Queues {@code lastFrame} (null for none) past the limit, sends everything queued, then ends the output. */
    void finish(byte[] lastFrame);

    /**
     * Turns the connection away instead of {@link #start}ing it: sends {@code lastFrame} at once, ends the output,
     * and closes after the peer closed or a short linger, without a session or an outbox. Never blocks for long.
     */
    void refuse(byte[] lastFrame);

    /** Closes the connection now; a writer blocked on a silent peer is freed. Idempotent, any thread. */
    @Override
    void close();
}
