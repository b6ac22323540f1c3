package lanchat.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import lanchat.protocol.discovery.Discovery;
import lanchat.protocol.FieldRules;
import lanchat.protocol.tls.Fingerprint;
import lanchat.server.chat.Rooms;
import lanchat.server.discovery.DiscoveryResponder;
import lanchat.server.history.DataDir;
import lanchat.server.history.DataDirException;
import lanchat.server.history.FileOpener;
import lanchat.server.runtime.LastResort;
import lanchat.server.session.Disconnect;
import lanchat.server.session.Frames;
import lanchat.server.session.IdleSweep;
import lanchat.server.session.Session;
import lanchat.server.session.Sessions;
import lanchat.server.transport.TcpListener;
import lanchat.server.transport.TlsWrapper;

/**
 * The LanChat server: makes every part once ({@link Wiring}), owns the {@link TcpListener} (the listening socket
 * and its {@code accept} thread) and hands every accepted connection to the {@link Doorman}.
 *
 * <p>{@link #start()} binds, prints {@code lanchat server listening on HOST:PORT (backlog N), TLS key
 * SHA256:... (grouped)} and returns; with {@code --plain} it warns and the line ends in {@code plain text (--plain)}.
 * {@link #close()} (any thread, idempotent) stops accepting, sends {@code bye{server shutting down}} to every
 * client, gives their queues {@code --drain-timeout} to drain, then closes every connection and stops the timer.
 */
public final class ChatServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChatServer.class.getName());
    // Past the drain deadline each session closes its own connection; this is how long to wait for that to finish.
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(1);

    private final ServerConfig config;
    private final PrintStream announcements;
    private final FileOpener files;
    private final LastResort lastResort = new LastResort(this::stopAfterFatal);
    private final Wiring wiring;
    private volatile boolean failed;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile TcpListener listener;
    private volatile TlsWrapper tls; // null with --plain
    private volatile DiscoveryResponder discovery;
    private volatile DataDir dataDir;

    /** A server that prints its "listening" line to {@code announcements} (stdout for {@link Main}). */
    public ChatServer(ServerConfig config, PrintStream announcements) {
        this(config, announcements, FileOpener.SYSTEM);
    }

    /** A server whose room files ({@code --data-dir}) are opened by {@code files}: a test's seam. */
    ChatServer(ServerConfig config, PrintStream announcements, FileOpener files) {
        this.files = files;
        this.config = config;
        this.announcements = announcements;
        this.wiring = new Wiring(config, lastResort);
    }

    public ChatServer(ServerConfig config) {
        this(config, System.out);
    }

    /**
     * Loads the rooms of {@code --data-dir}, if given, then binds the listening socket and starts accepting.
     *
     * @throws DataDirException when the data directory cannot be used (another server has it, unreadable)
     * @throws IOException      when the address is unknown or cannot be bound (e.g. the port is in use)
     */
    public void start() throws IOException {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("start() called twice");
        }
        HistoryConfig history = config.history();
        if (history.dataDir() != null) {
            dataDir = DataDir.open(history.dataDir(), history.messages(), history.fsync(), files,
                    DataDir.MAX_OPEN_FILES);
            wiring.rooms().restore(dataDir);
        }
        startTls(history);
        InetAddress address = InetAddress.getByName(config.host());
        listener = new TcpListener(address, config.port(), config.backlog(), new TcpListener.Limits(
                Frames.MAX_FRAME_BYTES, config.sendQueueBytes(), config.drainTimeout(), config.handshakeTimeout()),
                wiring.coalescer(), config.threads(), lastResort, tls);
        announcements.println("lanchat server listening on " + hostAndPort() + " (backlog " + config.backlog() + ")"
                + encryption());
        announcements.flush();
        IdleSweep.start(wiring.scheduler(), config.idleTimeout(), wiring.sessions());
        listener.start(config.acceptPause(), wiring.doorman()::admit);
        if (config.discovery()) {
            startDiscovery(address);
        }
    }

    // The key lives beside the room files, or in ~/.lanchat/ when there are none.
    private void startTls(HistoryConfig history) throws IOException {
        if (config.plain()) {
            LOG.warning("--plain: no TLS; everything, passwords and session tokens included, crosses the network "
                    + "in clear text");
            return;
        }
        tls = TlsWrapper.load(history.dataDir() != null ? history.dataDir()
                : Path.of(System.getProperty("user.home"), ".lanchat"));
    }

    /** What the listening line says about encryption: the key's fingerprint, plain and grouped for reading aloud. */
    private String encryption() {
        TlsWrapper wrapper = tls;
        return wrapper == null ? ", plain text (--plain)"
                : ", TLS key " + wrapper.fingerprint() + " (" + wrapper.fingerprint().grouped() + ")";
    }

    /** The fingerprint of the server's TLS key; empty with {@code --plain} or before {@link #start()}. */
    public Optional<Fingerprint> fingerprint() {
        TlsWrapper wrapper = tls;
        return wrapper == null ? Optional.empty() : Optional.of(wrapper.fingerprint());
    }

    /** The UDP port discovery answers on, or -1 when discovery is off or could not start. */
    public int discoveryPort() {
        DiscoveryResponder responder = discovery;
        return responder == null ? -1 : responder.port();
    }

    // Discovery is a convenience: when its UDP port is taken the chat still works, so warn and go on.
    private void startDiscovery(InetAddress address) {
        int port = config.discoveryPort() < 0 ? port() : config.discoveryPort();
        try {
            DiscoveryResponder responder = new DiscoveryResponder(address, port, () -> new Discovery.ServerInfo(
                    config.name(), port(), FieldRules.PROTOCOL_VERSION, wiring.nicks().size(),
                    fingerprint().map(Fingerprint::text).orElse(null)));
            responder.start(config.threads(), lastResort);
            discovery = responder;
            LOG.info("answering LAN discovery on UDP port " + responder.port());
        } catch (IOException e) {
            LOG.warning("discovery is off: cannot use UDP port " + port + " (" + e.getMessage() + ")");
        }
    }

    /** The port the server listens on: the real one when started with port 0. */
    public int port() {
        TcpListener listening = listener;
        if (listening == null) {
            throw new IllegalStateException("the server is not started");
        }
        return listening.port();
    }

    /** Connections counted against {@code --max-clients} right now. */
    public int connectionCount() {
        return wiring.sessions().count();
    }

    /** Every connection still open, those being turned away included; 0 once everything has closed. */
    int openSocketCount() {
        TcpListener listening = listener;
        return wiring.sessions().openCount() + (listening == null ? 0 : listening.lingering());
    }

    /** Its rooms: for in-process tests that check their bounds or need more rooms than sockets cheaply make. */
    Rooms rooms() {
        return wiring.rooms();
    }

    /** True once an {@link Error} in one of its threads stopped the server ({@link LastResort}). */
    public boolean failed() {
        return failed;
    }

    /** Waits until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        TcpListener listening = listener;
        try {
            if (listening != null) {
                listening.stopAccepting();
            }
            if (discovery != null) {
                discovery.close();
            }
            Sessions sessions = wiring.sessions();
            List<Session> open = sessions.close();
            open.forEach(session -> session.disconnect(Disconnect.serverShutdown()));
            if (!sessions.awaitEmpty(config.drainTimeout().plus(CLOSE_MARGIN))) {
                open.forEach(Session::closeConnection);
            }
            if (listening != null) {
                listening.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            wiring.close();
            if (dataDir != null) {
                // After the sessions: nothing writes to the room files any more.
                dataDir.close();
            }
            closed.countDown();
            if (listening != null) {
                LOG.info("stopped");
            }
        }
    }

    // LastResort's answer to an Error: close on a thread of its own, as close() waits for the accept thread.
    private void stopAfterFatal() {
        failed = true;
        try {
            Thread.ofPlatform().name("fatal stop").start(this::close);
        } catch (Throwable cannotStart) {
            close();
        }
    }

    private String hostAndPort() {
        String host = config.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }
}
