package lanchat.bench;

/**
 * What the {@code capacity} scenario measured. Immutable.
 *
 * @param asked       clients that tried to connect
 * @param registered  clients whose hello was welcomed (whether or not they lasted)
 * @param held        clients that still answered a ping after the hold
 * @param silent      clients pinged that did not answer in time
 * @param refused     clients turned away with {@code server_full}
 * @param failed      clients whose connect or handshake failed otherwise
 * @param firstProblem the first failure or drop, or null
 * @param warmupClients clients that connected, registered and quit before the measured ones
 * @param rampNanos   from the first measured connect to the last handshake's end
 * @param before      the server before the first connect, or null when its pid is unknown
 * @param atHold      the server at the end of the hold, all clients connected, or null
 */
record CapacityOutcome(int asked, int registered, int held, int silent, int refused, int failed,
        String firstProblem, int warmupClients, long rampNanos, ProcessSample before, ProcessSample atHold) {

    void addTo(Report report) {
        report.add("warmupClients", "warm-up clients (registered and quit first)", warmupClients, "")
                .add("clients", "clients asked", asked, "")
                .add("registered", "registered (welcomed)", registered, "")
                .add("held", "held (answered a ping after the hold)", held, "")
                .add("silent", "pinged, no answer", silent, "")
                .add("refused", "refused (server_full)", refused, "")
                .add("failed", "failed to connect or register", failed, "")
                .add("firstProblem", "first problem", firstProblem, "")
                .add("rampSeconds", "ramp time", rampSeconds(), "s")
                .add("connectsPerSecond", "handshakes/s", connectsPerSecond(), "/s")
                .add("serverRssBeforeMiB", "server RSS before", before == null ? null
                        : before.rssBytes() / 1048576.0, "MiB")
                .add("serverRssHeldMiB", "server RSS with all held", atHold == null ? null
                        : atHold.rssBytes() / 1048576.0, "MiB")
                .add("rssPerConnectionKiB", "server RSS per connection", rssBytesPerConnection() / 1024, "KiB")
                .add("serverThreads", "server kernel threads with all held", atHold == null ? null
                        : atHold.threads(), "")
                .add("serverCpuUsPerConnect", "server CPU per client (ramp + hold)", cpuMicrosPerConnect(), "µs");
    }

    double rampSeconds() {
        return rampNanos / 1e9;
    }

    /** Handshakes per second during the ramp. */
    double connectsPerSecond() {
        return rampNanos == 0 ? 0 : registered / rampSeconds();
    }

    /** Growth of the server's RSS over the clients held, in bytes; NaN when unknown. */
    double rssBytesPerConnection() {
        if (before == null || atHold == null || held == 0) {
            return Double.NaN;
        }
        return (double) (atHold.rssBytes() - before.rssBytes()) / held;
    }

    /** Server CPU time spent in the ramp and hold, per client registered, in microseconds; NaN when unknown. */
    double cpuMicrosPerConnect() {
        if (before == null || atHold == null || registered == 0) {
            return Double.NaN;
        }
        return atHold.cpuNanosSince(before) / 1e3 / registered;
    }
}
