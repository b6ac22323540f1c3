package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.FieldRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code --file-rate-per-address}: the file frames of one address are read no faster than the cap, and another
 * address's transfer is not held up behind them.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileRatePerAddressTest {
    private static final String SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    private static final int RATE = 64 * 1024;
    private static final int CHUNKS = 4;

    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void oneAddressesChunksArePacedAndAnotherAddressGoesFirst() throws Exception {
        live = LiveServer.start("--file-rate-per-address", Integer.toString(RATE));
        TestClient heavy = live.registerFrom("127.0.0.2", "heavy");
        TestClient light = live.registerFrom("127.0.0.3", "light");
        TestClient bob = live.registerFrom("127.0.0.4", "bob");
        offerAndAccept(heavy, bob, "big", (long) CHUNKS * FieldRules.MAX_CHUNK_BYTES);
        offerAndAccept(light, bob, "small", 1);

        byte[] chunk = new byte[FieldRules.MAX_CHUNK_BYTES];
        long started = System.nanoTime();
        for (int i = 0; i < CHUNKS; i++) {
            heavy.send(Command.FileChunk.of("big", i, chunk, chunk.length));
        }
        light.send(Command.FileChunk.of("small", 0, new byte[] {42}, 1));

        List<String> arrivals = new ArrayList<>();
        while (arrivals.size() < CHUNKS + 1) {
            Event.FileChunk got = bob.expect(Event.FileChunk.class);
            arrivals.add(got.id() + " " + got.index());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        int frameBytes = MessageCodec.encode(Command.FileChunk.of("big", 0, chunk, chunk.length), null).length;
        double atLeast = ((double) CHUNKS * frameBytes - RATE) / RATE;
        assertTrue(seconds >= atLeast * 0.95, seconds + " s, expected at least " + atLeast + " s");
        assertTrue(arrivals.indexOf("small 0") < arrivals.indexOf("big " + (CHUNKS - 1)), arrivals.toString());
    }

    private static void offerAndAccept(TestClient sender, TestClient receiver, String id, long size)
            throws Exception {
        sender.send(new Command.FileOffer(receiver.nick(), id, id + ".bin", size, SHA));
        receiver.expect(Event.FileOffer.class);
        sender.expect(Event.FileOffer.class);
        receiver.send(new Command.FileAccept(id));
        assertEquals(new Event.FileAccept(receiver.nick(), id), sender.next().message());
    }
}
