package lanchat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The entry point of {@code scripts/bench}: parses the options, starts (or finds) the server, runs one
 * scenario and prints its {@link Report}. Everything here runs on the main thread; the scenarios start their
 * own threads and end them before they return. Exit status: 0 done, 1 the benchmark failed, 2 a usage
 * mistake.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        BenchOptions options = new BenchOptions();
        CommandLine cli = BenchOptions.commandLine(options);
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(out);
                return 0;
            }
            if (cli.isVersionHelpRequested()) {
                cli.printVersionHelp(out);
                return 0;
            }
            options.validate();
        } catch (CommandLine.ParameterException | BenchException e) {
            err.println("bench: " + e.getMessage() + " (see scripts/bench --help)");
            return 2;
        }
        try (ServerTarget server = ServerTarget.open(options)) {
            Report report = measure(options, server);
            out.println(options.json() ? report.json() : report.table());
            return 0;
        } catch (BenchException | IOException e) {
            err.println("bench: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("bench: interrupted");
            return 1;
        }
    }

    private static Report measure(BenchOptions options, ServerTarget server)
            throws IOException, InterruptedException {
        Report report = new Report(options.scenario().name().toLowerCase(Locale.ROOT),
                "LanChat bench " + options.scenario().name().toLowerCase(Locale.ROOT));
        describeSetup(report, options, server);
        switch (options.scenario()) {
            case FANOUT -> new FanoutRun(options.fanoutSettings(), server, false).run()
                    .addTo(report.section("fanout"), "");
            case SLOW -> new SlowRun(options.fanoutSettings(), options.pairs(), server).run().addTo(report);
            case CAPACITY -> new CapacityRun(options.clients(), options.warmupClients(), options.connectConcurrency(),
                    options.holdTime(), options.maxTime(), server).run().addTo(report.section("capacity"));
        }
        return report;
    }

    private static void describeSetup(Report report, BenchOptions options, ServerTarget server) {
        report.add("serverAddress", "server", server.address().getAddress().getHostAddress() + ":"
                        + server.address().getPort(), "")
                .add("serverPid", "server pid", server.serverPid() == null ? null
                        : server.serverPid().toString(), "")
                .add("threads", "server --threads", options.threads() == null ? "(server default)"
                        : options.threads().wire(), "")
                .add("sendQueueBytes", "server --send-queue-bytes", options.sendQueueBytes() == null
                        ? "(server default)" : options.sendQueueBytes().toString(), "")
                .add("serverJvmOptions", "server JVM options", String.join(" ", options.serverJvmOptions()), "")
                .add("serverLog", "server log", server.serverLog() == null ? null
                        : server.serverLog().toString(), "")
                .add("serverJfr", "server flight recording (measured part)", options.serverJfr() == null ? null
                        : options.serverJfr().toAbsolutePath().toString(), "")
                .add("cores", "cores", Runtime.getRuntime().availableProcessors(), "")
                .add("jdk", "JDK", System.getProperty("java.vm.name") + " " + Runtime.version(), "");
    }
}
