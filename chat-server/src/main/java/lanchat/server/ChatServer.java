package lanchat.server;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.FieldRules;
import lanchat.protocol.discovery.Discovery;
import lanchat.protocol.tls.Fingerprint;
import lanchat.server.history.DataDir;
import lanchat.server.history.DataDirException;
import lanchat.server.history.FileOpener;
import lanchat.server.history.HistoryBudget;
import lanchat.server.tls.TlsWrapper;

/**
 * The LanChat server: owns the listening socket and the {@code accept} thread, and gives every accepted
 * connection its {@link ClientSession}. Shared state lives in small registries ({@link Nicknames}, {@link Rooms},
 * {@link Sessions}) bundled in a {@link Hub}; deadlines run on one {@code timer} thread.
 *
 * <p>{@link #start()} loads (or makes) the TLS key, binds, prints {@code lanchat server listening on HOST:PORT
 * (backlog N), TLS key SHA256:... (grouped)} and returns; with {@code --plain} it warns and the line ends in
 * {@code plain text (--plain)}.
 * {@link #close()} (any thread, idempotent) stops accepting, sends {@code bye{server shutting down}} to every
 * client, gives their queues {@code --drain-timeout} to drain, then closes every socket and stops the timer.
 */
public final class ChatServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ChatServer.class.getName());
    // Past the drain deadline each session closes its own socket; this is how long to wait for that to finish.
    private static final Duration CLOSE_MARGIN = Duration.ofSeconds(1);
    // The kernel's send buffer per connection (Linux doubles it for its bookkeeping): see admit().
    private static final int SEND_BUFFER_BYTES = 64 * 1024;

    private final ServerConfig config;
    private final PrintStream announcements;
    private final FileOpener files;
    private final Sessions sessions;
    private final ScheduledThreadPoolExecutor timer;
    private final Hub hub;
    private final LastResort lastResort = new LastResort(this::stopAfterFatal);
    private volatile boolean failed;
    private final Doorman doorman;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile ServerSocket serverSocket;
    private volatile Thread acceptThread;
    private volatile DiscoveryResponder discovery;
    private volatile DataDir dataDir;
    private volatile TlsWrapper tls; // null with --plain

    /** A server that prints its "listening" line to {@code announcements} (stdout for {@link Main}). */
    public ChatServer(ServerConfig config, PrintStream announcements) {
        this(config, announcements, FileOpener.SYSTEM);
    }

    /** A server whose room files ({@code --data-dir}) are opened by {@code files}: a test's seam. */
    ChatServer(ServerConfig config, PrintStream announcements, FileOpener files) {
        this.files = files;
        this.config = config;
        this.announcements = announcements;
        this.sessions = new Sessions(config.maxClients());
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "timer");
            thread.setDaemon(true);
            return thread;
        });
        timer.setRemoveOnCancelPolicy(true);
        this.hub = new Hub(config, new Nicknames(), new Rooms(config.history().messages(),
                new HistoryBudget(config.history().historyBytes())), sessions, new Tokens(),
                timer, new Coalescer(config.coalesce(), lastResort), new Transfers(config), lastResort,
                new HostLedger(config.hosts()), new PasswordGuard(config.hosts()));
        this.doorman = new Doorman(hub);
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
            hub.rooms().restore(dataDir);
        }
        startTls(history);
        InetAddress address = InetAddress.getByName(config.host());
        // The listen backlog: how many connections the kernel keeps waiting, handshake done, until accept()
        // takes them. When it is full, Linux drops new SYNs and the connecting side's kernel sends them again.
        serverSocket = new ServerSocket(config.port(), config.backlog(), address);
        announcements.println(
                "lanchat server listening on " + hostAndPort() + " (backlog " + config.backlog() + ")" + security());
        announcements.flush();
        Liveness.startSweep(hub);
        acceptThread = config.threads().start("accept", this::acceptLoop);
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
    private String security() {
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
                    config.name(), port(), FieldRules.PROTOCOL_VERSION, hub.nicknames().size(),
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
        ServerSocket listening = serverSocket;
        if (listening == null) {
            throw new IllegalStateException("the server is not started");
        }
        return listening.getLocalPort();
    }

    /** Connections counted against {@code --max-clients} right now. */
    public int connectionCount() {
        return sessions.count();
    }

    /** Every socket still open, connections being turned away included; 0 once everything has closed. */
    int openSocketCount() {
        return sessions.openCount() + doorman.lingering();
    }

    /** Its rooms: for in-process tests that check their bounds or need more rooms than sockets cheaply make. */
    Rooms rooms() {
        return hub.rooms();
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
        try {
            closeListeningSocket();
            if (discovery != null) {
                discovery.close();
            }
            List<ClientSession> open = sessions.close();
            open.forEach(session -> session.disconnect(Disconnect.serverShutdown()));
            if (!sessions.awaitEmpty(config.drainTimeout().plus(CLOSE_MARGIN))) {
                open.forEach(ClientSession::closeSocket);
            }
            joinAcceptThread();
            doorman.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            timer.shutdownNow();
            hub.coalescer().close();
            if (dataDir != null) {
                // After the sessions: nothing writes to the room files any more.
                dataDir.close();
            }
            closed.countDown();
            if (serverSocket != null) {
                LOG.info("stopped");
            }
        }
    }

    private void acceptLoop() {
        pauseBeforeAccepting();
        while (!closing.get()) {
            try {
                acceptOne();
            } catch (Throwable failure) {
                lastResort.caught("accept", failure);
            }
        }
    }

    private void acceptOne() {
        Socket socket;
        try {
            socket = serverSocket.accept();
        } catch (IOException e) {
            if (!closing.get()) {
                acceptFailed(e);
            }
            return;
        }
        admit(socket);
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

    // --accept-pause, for scripts/backlog-demo: meanwhile the kernel queues handshakes up to the backlog.
    private void pauseBeforeAccepting() {
        if (config.acceptPause().isPositive()) {
            LOG.info("accept() paused for " + config.acceptPause().toMillis() / 1000.0 + " s (--accept-pause)");
            try {
                Thread.sleep(config.acceptPause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closing.set(true);
            }
        }
    }

    private void admit(Socket socket) {
        try {
            // Chat frames are small and interactive: send them now rather than wait to fill a segment (Nagle).
            socket.setTcpNoDelay(true);
            // A fixed send buffer: left to autotuning, Linux lets MiBs pile up in the kernel for a client that
            // stopped reading, and --send-queue-bytes would only count once those are full.
            socket.setSendBufferSize(SEND_BUFFER_BYTES);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        Socket connection;
        try {
            // Only the TLS layer: its handshake runs on the session's reader thread (or, for a connection turned
            // away, the doorman's linger thread), never here.
            connection = tls == null ? socket : tls.wrap(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            return;
        }
        doorman.admit(connection);
    }

    // E.g. out of file descriptors: log, pause briefly so the loop does not spin, and go on accepting.
    private void acceptFailed(IOException e) {
        LOG.warning("accept failed: " + e.getMessage());
        try {
            Thread.sleep(100);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            closing.set(true);
        }
    }

    private void closeListeningSocket() {
        ServerSocket listening = serverSocket;
        if (listening != null) {
            // Closing the listening socket is what makes the blocked accept() return (with an exception).
            closeQuietly(listening);
        }
    }

    private void joinAcceptThread() throws InterruptedException {
        Thread accept = acceptThread;
        if (accept != null) {
            accept.join(CLOSE_MARGIN);
        }
    }

    private String hostAndPort() {
        String host = config.host();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.fine(() -> "close failed: " + e);
        }
    }
}
