package lanchat.server;

import lanchat.server.session.HostLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The command-line options of {@link HostLimits}, mixed into {@link Options}. Main thread. */
final class HostOptions {

    @Option(names = "--max-per-address", paramLabel = "N", defaultValue = "32",
            description = "Connections at once from one address (an IPv4 address or an IPv6 /64); one more gets "
                    + "too_many_connections. Default: ${DEFAULT-VALUE}.")
    int connections;

    @Option(names = "--max-unregistered-per-address", paramLabel = "N", defaultValue = "16",
            description = "Of those, connections that have not completed hello yet; one more gets "
                    + "too_many_connections. Default: ${DEFAULT-VALUE}.")
    int unregistered;

    @Option(names = "--max-held-per-address", paramLabel = "N", defaultValue = "16",
            description = "Sessions of one address held for a resume at once; a lost connection past it ends its "
                    + "session at once. Default: ${DEFAULT-VALUE}.")
    int heldPerAddress;

    @Option(names = "--max-held", paramLabel = "N", defaultValue = "1000",
            description = "Sessions held for a resume at once in all. Default: ${DEFAULT-VALUE}.")
    int held;

    @Option(names = "--password-tries", paramLabel = "N", defaultValue = "5",
            description = "Wrong passwords from one address before it is locked out (too_many_attempts). "
                    + "Default: ${DEFAULT-VALUE}.")
    int passwordTries;

    @Option(names = "--password-lockout", paramLabel = "SECONDS", defaultValue = "30",
            converter = Options.Seconds.class,
            description = "The first lockout; each wrong password after it doubles the next, up to an hour. "
                    + "Default: ${DEFAULT-VALUE} s.")
    Duration passwordLockout;

    @Option(names = "--file-rate-per-address", paramLabel = "BYTES", defaultValue = "8388608",
            description = "File transfer bytes one address may send a second; its file frames are read no faster "
                    + "(TCP slows the sender down); 0 = no cap. Default: ${DEFAULT-VALUE} (8 MiB).")
    long fileBytesPerSecond;

    HostLimits config() {
        return new HostLimits(connections, unregistered, heldPerAddress, held, passwordTries, passwordLockout,
                fileBytesPerSecond);
    }
}
