package lanchat.protocol.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DiscoveryTest {
    private static final Discovery.ServerInfo INFO = new Discovery.ServerInfo("office", 7777, 1, 3);

    @Test
    void queryIsMagicThenZeros() {
        byte[] query = Discovery.query(12);
        assertEquals("LANCHAT?1\0\0\0", new String(query, StandardCharsets.US_ASCII));
    }

    @Test
    void replyCarriesTheServerInfoAsJson() {
        byte[] reply = Discovery.replyTo(Discovery.query(Discovery.QUERY_BYTES), Discovery.QUERY_BYTES, INFO)
                .orElseThrow();
        assertEquals("LANCHAT!1{\"name\":\"office\",\"port\":7777,\"protocol\":1,\"users\":3}",
                new String(reply, StandardCharsets.UTF_8));
        assertEquals(Optional.of(INFO), Discovery.parseReply(reply, reply.length));
    }

    @Test
    void noReplyLargerThanTheQuery() {
        int replyBytes = Discovery.reply(INFO).length;
        assertTrue(Discovery.replyTo(Discovery.query(replyBytes), replyBytes, INFO).isPresent());
        assertEquals(Optional.empty(), Discovery.replyTo(Discovery.query(replyBytes - 1), replyBytes - 1, INFO));
    }

    @Test
    void ignoresDatagramsWithoutTheMagic() {
        byte[] junk = "LANCHAT?2 please".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Optional.empty(), Discovery.replyTo(junk, junk.length, INFO));
        assertEquals(Optional.empty(), Discovery.replyTo(new byte[0], 0, INFO));
        byte[] query = Discovery.query(100);
        assertEquals(Optional.empty(), Discovery.replyTo(query, 5, INFO), "only the received length counts");
    }

    @Test
    void rejectsMalformedReplies() {
        for (String reply : new String[] {"LANCHAT!1", "LANCHAT!1{", "LANCHAT!1{\"port\":7777}",
                "LANCHAT!1{\"name\":\"x\",\"port\":0,\"protocol\":1,\"users\":0}", "HELLO!1{}"}) {
            byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
            assertEquals(Optional.empty(), Discovery.parseReply(bytes, bytes.length), reply);
        }
    }

    @Test
    void longNamesAreCut() {
        var info = new Discovery.ServerInfo("n".repeat(200), 1, 1, 0);
        assertEquals(Discovery.MAX_NAME_CHARS, info.name().length());
        assertTrue(Discovery.reply(info).length <= Discovery.QUERY_BYTES);
    }
}
