package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The same chat over IPv6 loopback (AF_INET6), when this machine has ::1. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Ipv6Test {

    private static boolean hasIpv6Loopback() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("::1"))) {
            return probe.getInetAddress() instanceof Inet6Address
                    && NetworkInterface.getByInetAddress(probe.getInetAddress()) != null;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void chatOverIpv6LoopbackAndBracketedListeningLine() throws Exception {
        assumeTrue(hasIpv6Loopback(), "this machine has no IPv6 loopback");
        var announcements = new ByteArrayOutputStream();
        ChatServer server = new ChatServer(ServerConfig.fromOptions("--host", "::1", "--port", "0",
                "--no-discovery"), new PrintStream(announcements, true, StandardCharsets.UTF_8));
        InetAddress ipv6Loopback = InetAddress.getByName("::1");
        try (server) {
            server.start();
            var key = server.fingerprint().orElseThrow();
            assertEquals("lanchat server listening on [::1]:" + server.port() + " (backlog 50), TLS key " + key
                    + " (" + key.grouped() + ")" + System.lineSeparator(),
                    announcements.toString(StandardCharsets.UTF_8));
            try (TestClient alice = TestClient.registered(ipv6Loopback, server.port(), "alice", true);
                    TestClient bob = TestClient.registered(ipv6Loopback, server.port(), "bob", true)) {
                alice.join("lobby");
                bob.join("lobby");
                alice.expect(Event.Joined.class);
                alice.send(new Command.Say("lobby", "over IPv6"));

                Event.Message heard = bob.expect(Event.Message.class);
                assertEquals("alice", heard.from());
                assertEquals("over IPv6", heard.text());
                assertEquals(1L, heard.seq());
            }
        }
    }
}
