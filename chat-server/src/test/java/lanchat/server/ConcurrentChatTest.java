package lanchat.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import lanchat.protocol.Command;
import lanchat.protocol.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Many clients talking at once into one room: one total order, nothing lost, nothing twice. */
@Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ConcurrentChatTest {
    private static final int CLIENTS = 20;
    private static final int MESSAGES_EACH = 50;

    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void everyClientGetsEveryMessageOnceInTheSameSeqOrder() throws Exception {
        live = LiveServer.start("--rate-limit", "0");
        List<TestClient> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            clients.add(live.registerIn("lobby", "user" + i));
        }
        for (TestClient client : clients) {
            client.sync();
        }

        List<Thread> senders = new ArrayList<>();
        AtomicReference<Exception> sendFailure = new AtomicReference<>();
        for (TestClient client : clients) {
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int m = 0; m < MESSAGES_EACH; m++) {
                        client.send(new Command.Say("lobby", client.nick() + " #" + m));
                    }
                } catch (Exception e) {
                    sendFailure.set(e);
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        assertEquals(null, sendFailure.get());

        List<String> firstOrder = null;
        for (TestClient client : clients) {
            List<String> order = receiveAll(client);
            assertEquals(CLIENTS * MESSAGES_EACH, new HashSet<>(order).size(), "each message exactly once");
            assertEquals(expectedTexts(), Set.copyOf(order));
            if (firstOrder == null) {
                firstOrder = order;
            }
            assertEquals(firstOrder, order, client.nick() + " saw another order than user0");
            assertEquals(List.of(), client.sync());
        }
    }

    /** Reads the room's 1,000 messages and checks their seqs are 1..1000 in order; returns the texts. */
    private static List<String> receiveAll(TestClient client) throws InterruptedException {
        List<String> texts = new ArrayList<>();
        for (long seq = 1; seq <= CLIENTS * MESSAGES_EACH; seq++) {
            Event.Message message = assertInstanceOf(Event.Message.class, client.next().message());
            assertEquals(seq, message.seq(), client.nick() + " received seq " + message.seq() + " after "
                    + (seq - 1));
            texts.add(message.text());
        }
        return texts;
    }

    private static Set<String> expectedTexts() {
        Set<String> texts = new HashSet<>();
        for (int i = 0; i < CLIENTS; i++) {
            for (int m = 0; m < MESSAGES_EACH; m++) {
                texts.add("user" + i + " #" + m);
            }
        }
        return texts;
    }
}
