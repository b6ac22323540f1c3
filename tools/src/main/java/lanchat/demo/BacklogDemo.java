package lanchat.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameReader;
import lanchat.protocol.wire.FrameWriter;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * Shows what the listen backlog does. Starts a server whose accept loop is paused ({@code --accept-pause}) with a
 * tiny {@code --backlog}, opens more connections than the backlog at once, and reports for each one when
 * {@code connect()} returned (the TCP handshake completed) and when the server accepted it (its {@code welcome}
 * arrived, which can only happen after {@code accept()}).
 *
 * <p>On Linux, the kernel completes handshakes on its own and queues them, up to backlog + 1, until the
 * program calls {@code accept()}. While that queue is full it drops new SYNs; the client's kernel sends the SYN
 * again after 1 s, 3 s, 7 s, ... so those connects return late, after the queue has room again.
 *
 * <p>Runs on the main thread plus one virtual thread per connection attempt; {@link #main} is its entry point.
 */
@CommandLine.Command(name = "backlog-demo", mixinStandardHelpOptions = true,
        description = "Shows the listen backlog at work: more connects than the backlog while accept() is paused.")
public final class BacklogDemo implements java.util.concurrent.Callable<Integer> {
    private static final Pattern LISTENING = Pattern.compile("listening on .*:(\\d+) \\(backlog (\\d+)\\)");

    @Option(names = "--server-jar", required = true, description = "The chat-server.jar to start.")
    private Path serverJar;

    @Option(names = "--backlog", defaultValue = "2", description = "The server's listen backlog (default: ${DEFAULT-VALUE}).")
    private int backlog;

    @Option(names = "--connections", defaultValue = "8",
            description = "How many connections to open at once (default: ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--pause", defaultValue = "4",
            description = "Seconds the server waits before its first accept() (default: ${DEFAULT-VALUE}).")
    private double pauseSeconds;

    /** What happened to one connection attempt; times in milliseconds since the attempts started. */
    record Attempt(int number, int localPort, long connectedMs, long acceptedMs, String failure) {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new BacklogDemo()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (backlog < 1 || connections < 1 || connections > 64 || pauseSeconds <= 0 || pauseSeconds > 30) {
            System.err.println("backlog-demo: need --backlog >= 1, --connections 1..64 and --pause in (0, 30] s.");
            return 2;
        }
        if (!Files.isRegularFile(serverJar)) {
            System.err.println("backlog-demo: no server jar at " + serverJar + "; build it with mvn package.");
            return 1;
        }
        Process server = startServer();
        try {
            int port = awaitListening(server);
            System.out.printf("Server on 127.0.0.1:%d, backlog %d, accept() paused for %.1f s.%n"
                    + "Opening %d connections at once...%n%n", port, backlog, pauseSeconds, connections);
            long droppedBefore = listenOverflows();
            print(attempt(port));
            long dropped = listenOverflows() - droppedBefore;
            if (droppedBefore >= 0 && dropped >= 0) {
                System.out.printf("The kernel counted %d SYN(s) dropped on a full accept queue meanwhile "
                        + "(ListenOverflows in /proc/net/netstat).%n%n", dropped);
            }
            explain();
            return 0;
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private Process startServer() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-jar", serverJar.toString(), "--host", "127.0.0.1", "--port", "0",
                "--backlog", Integer.toString(backlog), "--accept-pause", Double.toString(pauseSeconds),
                "--no-discovery", "--rate-limit", "0", "--plain")
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static int awaitListening(Process server) throws IOException {
        var lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // Keep draining the server's stdout so it never blocks on a full pipe.
                Thread.ofVirtual().name("server-stdout").start(() -> lines.lines().forEach(l -> { }));
                return Integer.parseInt(m.group(1));
            }
        }
        throw new IOException("the server exited before it was listening");
    }

    private List<Attempt> attempt(int port) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Attempt>> futures = new ArrayList<>();
            for (int i = 1; i <= connections; i++) {
                int number = i;
                futures.add(threads.submit(() -> connectOnce(number, port, start)));
            }
            List<Attempt> attempts = new ArrayList<>();
            for (Future<Attempt> future : futures) {
                attempts.add(future.get());
            }
            return attempts;
        }
    }

    private static Attempt connectOnce(int number, int port, long start) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            long connected = millisSince(start);
            socket.setSoTimeout(30_000);
            var writer = new FrameWriter(socket.getOutputStream());
            writer.write(MessageCodec.encode(new Command.Hello("conn" + number)));
            var reader = new FrameReader(socket.getInputStream());
            for (var envelope = MessageCodec.readEvent(reader); envelope != null;
                    envelope = MessageCodec.readEvent(reader)) {
                if (envelope.message() instanceof Event.Welcome) {
                    long accepted = millisSince(start);
                    writer.write(MessageCodec.encode(new Command.Quit(null)));
                    return new Attempt(number, socket.getLocalPort(), connected, accepted, null);
                }
            }
            return new Attempt(number, socket.getLocalPort(), connected, -1, "closed before welcome");
        } catch (IOException e) {
            return new Attempt(number, -1, -1, -1, e.getMessage());
        }
    }

    /** The kernel's count of SYNs dropped on a full accept queue, or -1 where it cannot be read. */
    private static long listenOverflows() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/net/netstat"));
            for (int i = 0; i + 1 < lines.size(); i += 2) {
                List<String> names = List.of(lines.get(i).split(" "));
                int column = names.indexOf("ListenOverflows");
                if (names.get(0).equals("TcpExt:") && column > 0) {
                    return Long.parseLong(lines.get(i + 1).split(" ")[column]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or another layout: the count is a bonus, the demo works without it.
        }
        return -1;
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    private void print(List<Attempt> attempts) {
        System.out.println(" #   local port   connect() returned   accepted (welcome)   what happened");
        for (Attempt a : attempts) {
            if (a.failure() != null) {
                System.out.printf("%2d   %10s   %18s   %18s   failed: %s%n", a.number(),
                        a.localPort() < 0 ? "-" : a.localPort(), "-", "-", a.failure());
                continue;
            }
            System.out.printf("%2d   %10d   %15.2f s   %15.2f s   %s%n", a.number(), a.localPort(),
                    a.connectedMs() / 1000.0, a.acceptedMs() / 1000.0, verdict(a));
        }
        System.out.println();
    }

    private String verdict(Attempt a) {
        boolean handshakeAtOnce = a.connectedMs() < 500;
        if (handshakeAtOnce) {
            return "handshake at once; waited in the accept queue until accept() resumed";
        }
        return String.format("SYN dropped (queue full); a retried SYN got in at %.2f s", a.connectedMs() / 1000.0);
    }

    private void explain() {
        System.out.printf("""
                How to read this: the kernel, not the program, completes TCP handshakes. It keeps completed
                connections in the listen socket's accept queue until the program calls accept(); the backlog
                (%d here) caps that queue (Linux allows backlog + 1). While the queue is full, Linux drops new
                SYNs, and the connecting side's kernel sends its SYN again later (recent Linux: about once a
                second for the first few tries, net.ipv4.tcp_syn_linear_timeouts, then at doubling intervals).
                So the first connections "connect" at once but are served only when accept() resumes after
                %.1f s; the others connect late, on the first retry after the queue has room. Nothing is
                refused: the clients just wait. A bigger backlog (default 50) absorbs bursts of connections
                while the accept loop is busy.
                """, backlog, pauseSeconds);
    }
}
