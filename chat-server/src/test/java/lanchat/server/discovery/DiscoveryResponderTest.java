package lanchat.server.discovery;

import lanchat.server.LiveServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.discovery.Discovery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class DiscoveryResponderTest {
    private LiveServer server;
    private DatagramSocket udp;

    @BeforeEach
    void start() throws IOException {
        server = LiveServer.start("--name", "office", "--discovery-port", "0");
        udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        udp.setSoTimeout(5_000);
    }

    @AfterEach
    void stop() {
        udp.close();
        server.close();
    }

    private void send(byte[] datagram) throws IOException {
        udp.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(),
                server.server().discoveryPort()));
    }

    private Optional<Discovery.ServerInfo> receive() throws IOException {
        byte[] buffer = new byte[Discovery.QUERY_BYTES];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        udp.receive(reply);
        return Discovery.parseReply(reply.getData(), reply.getLength());
    }

    @Test
    void answersAQueryWithNamePortProtocolAndUserCount() throws Exception {
        server.register("alice");
        server.register("bob");
        send(Discovery.query(Discovery.QUERY_BYTES));

        assertEquals(Optional.of(new Discovery.ServerInfo("office", server.port(), 1, 2)), receive());
    }

    @Test
    void ignoresMalformedAndTooShortDatagramsButKeepsAnswering() throws Exception {
        send("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        send(Discovery.query(Discovery.QUERY_MAGIC.length)); // a real query, but no reply fits in 9 bytes
        send(new byte[0]);
        // Datagrams from one socket to another on loopback arrive in order: if the junk had been answered, that
        // answer would come before the reply to this last, valid query.
        send(Discovery.query(Discovery.QUERY_BYTES));

        Discovery.ServerInfo info = receive().orElseThrow();
        assertEquals(server.port(), info.port());
        udp.setSoTimeout(300);
        assertThrows(SocketTimeoutException.class, this::receive, "no second reply");
    }

    @Test
    void noDiscoveryMeansNoUdpPort() throws IOException {
        try (LiveServer quiet = LiveServer.start("--no-discovery")) {
            assertEquals(-1, quiet.server().discoveryPort());
        }
        assertTrue(server.server().discoveryPort() > 0);
    }
}
