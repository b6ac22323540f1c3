package lanchat.server.session;

import java.time.Duration;
import java.util.Objects;

/**
 * What one address (one host on the LAN) may use of the server, so that one host cannot lock the others out:
 * connections, connections that have not sent {@code hello} yet, sessions held for a resume, wrong passwords,
 * and file bytes a second. Part of {@link ServerConfig}; immutable, read by every thread. An address is an IPv4
 * address or an IPv6 /64 network ({@link HostLedger#keyOf}). PROTOCOL.md section 5 says what clients see.
 *
 * @param connections     connections open at once from one address ({@code --max-per-address})
 * @param unregistered    of those, connections that have not completed {@code hello} yet
 *                        ({@code --max-unregistered-per-address})
 * @param heldPerAddress  sessions held for a resume at once for one address ({@code --max-held-per-address})
 * @param held            sessions held for a resume at once in all ({@code --max-held})
 * @param passwordTries   wrong passwords from one address before it is locked out ({@code --password-tries})
 * @param passwordLockout the first lockout; each wrong password after it doubles the next ({@code
 *                        --password-lockout})
 * @param fileBytesPerSecond file frames' bytes one address may send a second; 0 = no cap
 *                        ({@code --file-rate-per-address})
 */
public record HostLimits(int connections, int unregistered, int heldPerAddress, int held, int passwordTries,
        Duration passwordLockout, long fileBytesPerSecond) {

    public HostLimits {
        Objects.requireNonNull(passwordLockout, "passwordLockout");
        require(connections >= 1, "--max-per-address must be at least 1, got " + connections);
        require(unregistered >= 1, "--max-unregistered-per-address must be at least 1, got " + unregistered);
        require(heldPerAddress >= 0, "--max-held-per-address must not be negative, got " + heldPerAddress);
        require(held >= 0, "--max-held must not be negative, got " + held);
        require(passwordTries >= 1, "--password-tries must be at least 1, got " + passwordTries);
        require(passwordLockout.isPositive(), "--password-lockout must be more than 0 seconds");
        require(fileBytesPerSecond >= 0, "--file-rate-per-address must not be negative, got " + fileBytesPerSecond);
    }

    private static void require(boolean valid, String message) {
        if (!valid) {
            throw new IllegalArgumentException(message);
        }
    }
}
