package lanchat.client.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.client.ui.ServerPrompt;
import lanchat.protocol.discovery.Discovery;
import lanchat.server.ChatServer;
import lanchat.server.ServerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Discovery on loopback only: the finder is given 127.0.0.1 as its one target, never the LAN. */
@Timeout(value = 15, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
public class ServerFinderTest {
    private static final List<InetAddress> LOOPBACK = List.of(InetAddress.getLoopbackAddress());

    @Test
    void findsTheServerOnLoopback() throws IOException {
        try (ChatServer server = new ChatServer(ServerConfig.fromOptions("--host", "127.0.0.1", "--port", "0",
                "--name", "Office chat", "--discovery-port", "0"), new PrintStream(PrintStream.nullOutputStream()))) {
            server.start();
            List<ServerFinder.Found> found = new ServerFinder().find(LOOPBACK, server.discoveryPort(),
                    Duration.ofSeconds(1));

            assertEquals(1, found.size());
            String key = server.fingerprint().orElseThrow().text();
            assertEquals(new Discovery.ServerInfo("Office chat", server.port(), 1, 0, key), found.get(0).info());
            assertEquals("127.0.0.1:" + server.port(), found.get(0).hostAndPort());
            assertEquals("127.0.0.1:" + server.port() + "  \"Office chat\", 0 users, key " + key,
                    ServerPrompt.describe(found.get(0)));
        }
    }

    @Test
    void ignoresMalformedRepliesAndFindsNothing() throws IOException {
        // A fake "server" that answers every datagram with junk.
        try (DatagramSocket junk = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try {
                    byte[] buffer = new byte[600];
                    DatagramPacket query = new DatagramPacket(buffer, buffer.length);
                    junk.receive(query);
                    byte[] reply = "LANCHAT!1{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    junk.send(new DatagramPacket(reply, reply.length, query.getSocketAddress()));
                } catch (IOException e) {
                    // closed by the test
                }
            });
            assertEquals(List.of(), new ServerFinder().find(LOOPBACK, junk.getLocalPort(), Duration.ofMillis(500)));
        }
    }

    @Test
    void neutralisesAHostileServerName() {
        var found = new ServerFinder.Found(InetAddress.getLoopbackAddress(),
                new Discovery.ServerInfo("evil\u001b]0;pwned\u0007", 7777, 1, 1));
        assertEquals("127.0.0.1:7777  \"evil^[]0;pwned^G\", 1 user, plain text", ServerPrompt.describe(found));
    }
}
