package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client that stops reading fills its own queue only: it is cut off, the others never wait for it. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowReaderTest {
    // Batches stay well under the send queue limit, so only the client that does not read can go over it.
    private static final int MAX_BATCHES = 2_000;
    private static final int BATCH = 6;

    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void slowReaderIsDisconnectedWhileOthersKeepReceiving() throws Exception {
        live = LiveServer.start("--rate-limit", "0", "--send-queue-bytes", "65540", "--drain-timeout", "0.3");
        TestClient slow = live.connectWithoutReading();
        ByteArrayOutputStream helloAndJoin = new ByteArrayOutputStream();
        helloAndJoin.write(frame(new Command.Hello("slow")));
        helloAndJoin.write(frame(new Command.Join("lobby")));
        slow.sendRaw(helloAndJoin.toByteArray());
        TestClient talker = live.register("talker");
        TestClient listener = live.register("listener");
        LiveServer.soon().until(() -> whoHas(talker, "slow"));
        talker.join("lobby");
        listener.join("lobby");
        assertEquals(List.of(new Event.Joined("lobby", "listener")), talker.sync());

        String text = "x".repeat(FieldRules.MAX_TEXT_CODE_POINTS);
        long seq = 0;
        boolean slowLeft = false;
        for (int batch = 0; batch < MAX_BATCHES && !slowLeft; batch++) {
            for (int i = 0; i < BATCH; i++) {
                talker.send(new Command.Say("lobby", text));
            }
            for (int received = 0; received < BATCH; ) {
                Event event = listener.next().message();
                if (event instanceof Event.Message message) {
                    assertEquals(++seq, message.seq(), "the listener's seqs stay consecutive");
                    received++;
                } else {
                    assertEquals(new Event.Left("lobby", "slow", "send queue exceeded"), event);
                    slowLeft = true;
                }
            }
        }
        assertTrue(slowLeft, "slow was not disconnected after " + seq + " messages of " + text.length() + " B");
        // Its writer was stuck on a full socket: the drain deadline closed the socket anyway.
        LiveServer.soon().until(() -> live.server().openSocketCount() == 2);
        talker.send(new Command.Who("lobby"));
        assertEquals(List.of("listener", "talker"), talkerUsers(talker));
    }

    private static boolean whoHas(TestClient client, String nick) throws Exception {
        client.send(new Command.Who("lobby"));
        return client.expect(Event.Users.class).nicks().contains(nick);
    }

    /** Skips the talker's own echoes until the users list arrives. */
    private static List<String> talkerUsers(TestClient talker) throws InterruptedException {
        Event event = talker.next().message();
        while (!(event instanceof Event.Users)) {
            event = talker.next().message();
        }
        return ((Event.Users) event).nicks();
    }

    private static byte[] frame(Command command) {
        return FrameWriter.frame(MessageCodec.encode(command), FieldRules.DEFAULT_MAX_FRAME_BYTES);
    }
}
