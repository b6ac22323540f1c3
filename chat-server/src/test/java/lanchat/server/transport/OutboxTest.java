package lanchat.server.transport;

import lanchat.server.LiveServer;
import lanchat.server.ServerConfig;
import lanchat.server.runtime.ThreadKind;
import lanchat.server.session.Frames;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import lanchat.protocol.Event;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The outbox over a real loopback connection: order, the last frame and its FIN, the limit, coalescing. */
@Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OutboxTest {
    private final AtomicInteger exceeded = new AtomicInteger();
    private final List<IOException> failures = new ArrayList<>();
    private Socket serverSide;
    private Socket clientSide;

    @BeforeEach
    void connect() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            clientSide = new Socket(InetAddress.getLoopbackAddress(), listening.getLocalPort());
            serverSide = listening.accept();
        }
    }

    @AfterEach
    void close() throws IOException {
        clientSide.close();
        serverSide.close();
    }

    @Test
    void framesArriveInOrderThenTheLastFrameThenEndOfStream() throws Exception {
        Outbox outbox = outbox(ServerConfig.MIN_SEND_QUEUE_BYTES);
        for (int i = 1; i <= 100; i++) {
            assertTrue(outbox.offer(Frames.encode(new Event.Bye("frame " + i), null)));
        }
        outbox.start(ThreadKind.VIRTUAL, "outbox test");
        outbox.finish(Frames.encode(new Event.Bye("last"), null));
        assertFalse(outbox.offer(Frames.encode(new Event.Bye("too late"), null)));

        FrameReader reader = new FrameReader(clientSide.getInputStream());
        for (int i = 1; i <= 100; i++) {
            assertEquals(new Event.Bye("frame " + i), MessageCodec.readEvent(reader).message());
        }
        assertEquals(new Event.Bye("last"), MessageCodec.readEvent(reader).message());
        assertEquals(null, MessageCodec.readEvent(reader), "a FIN after the last frame");
        assertTrue(outbox.awaitStopped(Duration.ofSeconds(5)));
        assertEquals(List.of(), failures);
    }

    @Test
    void frameOverTheLimitIsRefusedAndReportedOnce() throws Exception {
        byte[] frame = Frames.encode(new Event.Bye("x".repeat(1_000)), null);
        Outbox outbox = outbox(frame.length * 3);
        // The writer is not started yet, so nothing drains: the fourth frame goes over the limit.
        assertTrue(outbox.offer(frame));
        assertTrue(outbox.offer(frame));
        assertTrue(outbox.offer(frame));
        assertFalse(outbox.offer(frame));
        assertFalse(outbox.offer(frame));
        assertEquals(1, exceeded.get());

        outbox.start(ThreadKind.PLATFORM, "outbox test");
        outbox.finish(Frames.encode(new Event.Error("send_queue_exceeded", "read faster"), null));
        FrameReader reader = new FrameReader(clientSide.getInputStream());
        assertEquals(new Event.Error("send_queue_exceeded", "read faster"),
                MessageCodec.readEvent(reader).message(),
                "the queue was dropped; only the last frame goes out");
        assertEquals(null, MessageCodec.readEvent(reader));
    }

    @Test
    void oneReplayIsQueuedOutsideTheLimitInOrderWithCountedFrames() throws Exception {
        byte[] frame = Frames.encode(new Event.Bye("x".repeat(1_000)), null);
        Outbox outbox = outbox(frame.length * 2);
        assertTrue(outbox.offer(frame));
        List<byte[]> replay = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replay.add(Frames.encode(new Event.Bye("replay " + i), null));
        }
        assertTrue(outbox.offerReplay(replay));
        assertEquals(replay.stream().mapToLong(each -> each.length).sum(), outbox.freeReplayBytes());
        assertTrue(outbox.offer(frame), "after a replay of ten frames, the limit still has room for a second frame");
        assertEquals(frame.length * 2L, outbox.countedBytes());
        assertFalse(outbox.offerReplay(List.of(replay.getFirst())),
                "a second replay while the first still waits counts against the limit");
        assertFalse(outbox.offer(frame), "nothing is queued once the limit was exceeded");
        assertEquals(1, exceeded.get());
    }

    @Test
    void aSecondReplayWithinTheLimitIsQueuedAndCounted() throws Exception {
        byte[] frame = Frames.encode(new Event.Bye("x".repeat(1_000)), null);
        Outbox outbox = outbox(frame.length * 2);
        assertTrue(outbox.offerReplay(List.of(frame, frame, frame)));
        assertEquals(0, outbox.countedBytes());
        assertTrue(outbox.offerReplay(List.of(frame, frame)));
        assertEquals(frame.length * 2L, outbox.countedBytes());
        assertEquals(frame.length * 3L, outbox.freeReplayBytes());
        assertEquals(0, exceeded.get());
    }

    @Test
    void writingReplaysTakesNothingFromTheCountedBytes() throws Exception {
        byte[] frame = Frames.encode(new Event.Bye("x".repeat(1_000)), null);
        Outbox outbox = outbox(frame.length);
        assertTrue(outbox.offerReplay(List.of(frame, frame, frame, frame, frame)));
        assertTrue(outbox.offer(frame));
        assertEquals(frame.length, outbox.countedBytes());
        outbox.start(ThreadKind.VIRTUAL, "outbox test");
        FrameReader reader = new FrameReader(clientSide.getInputStream());
        for (int i = 0; i < 6; i++) {
            MessageCodec.readEvent(reader);
        }
        LiveServer.soon().until(() -> outbox.countedBytes() == 0 && outbox.freeReplayBytes() == 0);
        assertEquals(0, exceeded.get());
    }

    @ParameterizedTest
    @EnumSource(ThreadKind.class)
    void framesQueuedAfterAWriteWaitForTheNextTickThenLeaveInOneWrite(ThreadKind kind) throws Exception {
        // A long tick (the first one starts now), so that a slow machine still offers both frames within it.
        Duration tick = Duration.ofSeconds(1);
        long start = System.nanoTime();
        try (Coalescer coalescer = new Coalescer(tick, start)) {
            Outbox outbox = outbox(ServerConfig.MIN_SEND_QUEUE_BYTES, coalescer);
            outbox.start(kind, "outbox test");
            InputStream in = clientSide.getInputStream();
            byte[] first = Frames.encode(new Event.Bye("first"), null);
            assertTrue(outbox.offer(first));
            assertArrayEquals(first, in.readNBytes(first.length), "the first write goes out at once");

            byte[] second = Frames.encode(new Event.Bye("second"), null);
            byte[] third = Frames.encode(new Event.Bye("third"), null);
            assertTrue(outbox.offer(second));
            assertTrue(outbox.offer(third));
            byte[] read = new byte[1024];
            int n = in.read(read);
            long waited = System.nanoTime() - start;
            assertTrue(waited >= tick.toNanos(), "sent at the next tick, not after " + waited
                    + " ns");
            assertArrayEquals(concat(second, third), Arrays.copyOf(read, n), "both frames in one write");

            outbox.finish(null);
            assertEquals(-1, in.read(), "then the FIN");
            assertTrue(outbox.awaitStopped(Duration.ofSeconds(5)));
        }
    }

    @Test
    void aFullBatchTheLastFrameAndClosingTheCoalescerDoNotWait() throws Exception {
        Coalescer coalescer = new Coalescer(Duration.ofHours(1));
        Outbox outbox = outbox(ServerConfig.MIN_SEND_QUEUE_BYTES, coalescer);
        outbox.start(ThreadKind.VIRTUAL, "outbox test");
        FrameReader reader = new FrameReader(clientSide.getInputStream());
        assertTrue(outbox.offer(Frames.encode(new Event.Bye("at once"), null)));
        assertEquals(new Event.Bye("at once"), MessageCodec.readEvent(reader).message());

        // 5 frames of 8,000 bytes: 32 KiB queued is worth a write of its own, so they do not wait an hour.
        for (int i = 0; i < 5; i++) {
            assertTrue(outbox.offer(Frames.encode(new Event.Bye(i + "x".repeat(8_000)), null)));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(new Event.Bye(i + "x".repeat(8_000)), MessageCodec.readEvent(reader).message());
        }

        assertTrue(outbox.offer(Frames.encode(new Event.Bye("waits"), null)));
        coalescer.close();
        assertEquals(new Event.Bye("waits"), MessageCodec.readEvent(reader).message(),
                "closing wakes every waiting outbox");

        assertTrue(outbox.offer(Frames.encode(new Event.Bye("before the last"), null)));
        outbox.finish(Frames.encode(new Event.Bye("last"), null));
        assertEquals(new Event.Bye("before the last"), MessageCodec.readEvent(reader).message());
        assertEquals(new Event.Bye("last"), MessageCodec.readEvent(reader).message());
        assertEquals(null, MessageCodec.readEvent(reader));
        assertEquals(List.of(), failures);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private Outbox outbox(int limitBytes) {
        return outbox(limitBytes, Coalescer.OFF);
    }

    private Outbox outbox(int limitBytes, Coalescer coalescer) {
        return new Outbox(new SocketSink(serverSide), limitBytes, coalescer, new Outbox.Trouble() {
            @Override
            public void queueExceeded() {
                exceeded.incrementAndGet();
            }

            @Override
            public void writeFailed(IOException e) {
                failures.add(e);
            }

            @Override
            public void crashed(Throwable failure) {
                throw new AssertionError("the writer crashed", failure);
            }
        });
    }
}
