package lanchat.client.net;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.ProtocolException;

/** Keeps what a connection's reader thread delivers, for a test thread to take with a timeout. */
public final class RecordingListener implements ConnectionListener {
    final BlockingQueue<Incoming> events = new LinkedBlockingQueue<>();
    final List<ProtocolException> skipped = new CopyOnWriteArrayList<>();
    final CompletableFuture<ConnectionEnd> closed = new CompletableFuture<>();

    @Override
    public void onEvent(Incoming incoming) {
        events.add(incoming);
    }

    @Override
    public void onSkippedFrame(ProtocolException problem) {
        skipped.add(problem);
    }

    @Override
    public void onClosed(ConnectionEnd closure) {
        closed.complete(closure);
    }

    /** The next event, waiting up to 5 s; fails the test when none comes. */
    Incoming next() throws InterruptedException {
        Incoming incoming = events.poll(5, TimeUnit.SECONDS);
        if (incoming == null) {
            throw new AssertionError("no event within 5 s");
        }
        return incoming;
    }

    ConnectionEnd closure() throws Exception {
        return closed.get(5, TimeUnit.SECONDS);
    }
}
