package lanchat.bench;

import java.io.IOException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * Reads the frames of many fanout members on one platform thread, named {@code receive loop N}: a selector
 * over their non-blocking sockets, and for each one that has bytes, one read and every complete frame handled
 * by its {@link Receiver}. A thread per member would cost a kernel wake-up and context switch per delivery, a
 * large share of what the server itself spends per delivery; the loop instead finds many frames per read when
 * busy, the way the event-loop IRC servers this is compared with work.
 *
 * <p>Started by {@link FanoutRun} once all its members have joined; {@link #close()} (main thread) stops the
 * loop and waits for it. Does not close the members' sockets.
 */
final class ReceiveLoop implements AutoCloseable {
    private final Selector selector;
    private final Thread thread;
    private volatile boolean closing;

    ReceiveLoop(String name, List<Receiver> receivers) throws IOException {
        this.selector = Selector.open();
        for (Receiver receiver : receivers) {
            receiver.client().stopBlocking().register(selector, SelectionKey.OP_READ, receiver);
        }
        this.thread = Thread.ofPlatform().name(name).start(this::loop);
    }

    private void loop() {
        try {
            while (!closing) {
                selector.select(this::onReadable);
            }
        } catch (IOException | ClosedSelectorException e) {
            // The selector closed under us: the run is over.
        }
    }

    private void onReadable(SelectionKey key) {
        Receiver receiver = (Receiver) key.attachment();
        if (!receiver.readAvailable((SocketChannel) key.channel())) {
            key.cancel();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        selector.wakeup();
        thread.join();
        try {
            selector.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
