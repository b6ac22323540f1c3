package lanchat.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server under test and the probes that watch it: either a {@link ServerProcess} this benchmark started,
 * or a running server given with {@code --host/--port} (and {@code --server-pid} to read its figures; without
 * it CPU and memory are reported as unknown). Also probes the benchmark's own process, whose CPU time says
 * how much of the two cores the load itself took, and the whole machine, to tell what other processes took.
 *
 * <p>Used by the main thread. {@link #close()} stops the server if this benchmark started it.
 */
final class ServerTarget implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final InetSocketAddress address;
    private final ProcessProbe serverProbe;
    private final ProcessProbe benchProbe;
    private final MachineProbe machineProbe;
    private final ServerProcess process;
    private final FlightRecording recording;

    private ServerTarget(InetSocketAddress address, ProcessProbe serverProbe, ProcessProbe benchProbe,
            MachineProbe machineProbe, ServerProcess process, Path recordingFile) {
        this.address = address;
        this.serverProbe = serverProbe;
        this.benchProbe = benchProbe;
        this.machineProbe = machineProbe;
        this.process = process;
        if (recordingFile != null && serverProbe == null) {
            throw new BenchException("--server-jfr needs the server's pid: give --server-pid with --port");
        }
        this.recording = recordingFile == null ? null : new FlightRecording(serverProbe.pid(), recordingFile);
    }

    /** Starts the server jar, or points at the one the options name. */
    static ServerTarget open(BenchOptions options) throws IOException, InterruptedException {
        ProcessProbe bench = ProcessProbe.self(options.clockTicks());
        MachineProbe machine = new MachineProbe(options.clockTicks());
        if (options.port() != null) {
            ProcessProbe server = options.serverPid() == null ? null
                    : new ProcessProbe(options.serverPid(), options.clockTicks());
            return new ServerTarget(new InetSocketAddress(options.host(), options.port()), server, bench, machine,
                    null, options.serverJfr());
        }
        Path log = options.serverLog() != null ? options.serverLog()
                : Files.createTempFile("lanchat-bench-server-", ".log");
        ServerProcess process = ServerProcess.start(options.serverJar(), options.serverJvmOptions(),
                serverArgs(options), log, START_TIMEOUT);
        return new ServerTarget(process.address(), new ProcessProbe(process.pid(), options.clockTicks()), bench,
                machine, process, options.serverJfr());
    }

    /**
     * The server's command line: loopback, a free port, no rate limit, per-address limits as high as they go
     * (every client of the benchmark comes from this one address), clear text (the load clients speak the
     * protocol straight onto a SocketChannel, without TLS), and what the options pass through.
     */
    static List<String> serverArgs(BenchOptions options) {
        String most = Integer.toString(Integer.MAX_VALUE);
        List<String> args = new ArrayList<>(List.of("--host", options.host(), "--port", "0", "--rate-limit", "0",
                "--plain", "--max-per-address", most, "--max-unregistered-per-address", most, "--max-held-per-address", most,
                "--max-held", most));
        if (options.threads() != null) {
            args.addAll(List.of("--threads", options.threads().wire()));
        }
        if (options.sendQueueBytes() != null) {
            args.addAll(List.of("--send-queue-bytes", Long.toString(options.sendQueueBytes())));
        }
        if (options.maxClients() != null) {
            args.addAll(List.of("--max-clients", Integer.toString(options.maxClients())));
        }
        args.addAll(options.serverArgs());
        return args;
    }

    InetSocketAddress address() {
        return address;
    }

    /** The server's figures now, or null when its pid is unknown. */
    ProcessSample sample() throws IOException {
        return serverProbe == null ? null : serverProbe.sample();
    }

    /** This benchmark's own figures now. */
    ProcessSample sampleBench() throws IOException {
        return benchProbe.sample();
    }

    /** The whole machine's busy CPU time now. */
    ProcessSample sampleMachine() throws IOException {
        return machineProbe.sample();
    }

    /** Starts the flight recording of the measured part, when {@code --server-jfr} asked for one. */
    void startRecording() throws IOException, InterruptedException {
        if (recording != null) {
            recording.start();
        }
    }

    /** Stops the flight recording and writes its file, when {@code --server-jfr} asked for one. */
    void stopRecording() throws IOException, InterruptedException {
        if (recording != null) {
            recording.stop();
        }
    }

    /** The pid of the server, or null when unknown. */
    Long serverPid() {
        return serverProbe == null ? null : serverProbe.pid();
    }

    /** Where the started server's log goes, or null for a server given with --port. */
    Path serverLog() {
        return process == null ? null : process.log();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.close();
        }
    }
}
