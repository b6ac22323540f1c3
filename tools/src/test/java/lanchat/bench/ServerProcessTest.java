package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ServerProcessTest {

    @Test
    void readsHostAndPortFromTheListeningLine() {
        assertEquals(Optional.of(new InetSocketAddress("127.0.0.1", 40123)),
                ServerProcess.parseListening("lanchat server listening on 127.0.0.1:40123 (backlog 50)"));
    }

    @Test
    void readsABracketedIpv6Host() {
        assertEquals(Optional.of(new InetSocketAddress("::1", 7777)),
                ServerProcess.parseListening("lanchat server listening on [::1]:7777 (backlog 128)"));
    }

    @Test
    void ignoresOtherLines() {
        assertTrue(ServerProcess.parseListening("INFO: accepted /127.0.0.1:5555").isEmpty());
    }
}
