package lanchat.server;

import lanchat.server.files.Transfers;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.Command;
import lanchat.protocol.Envelope;
import lanchat.protocol.ErrorCode;
import lanchat.protocol.Event;
import lanchat.protocol.FieldRules;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server relays file transfers between two live clients, checks every frame, and never stores anything. */
@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FileRelayTest {
    private static final String SHA = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    private static final String ID = "k3f9q2";

    private LiveServer live;

    @AfterEach
    void stop() {
        live.close();
    }

    @Test
    void offerReachesTheReceiverAndIsEchoedWithItsRef() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        alice.send(new Command.FileOffer("Bob", ID, "../../etc/passwd", 5L, SHA), "o1");
        Event.FileOffer expected = new Event.FileOffer("alice", "bob", ID, "../../etc/passwd", 5L, SHA);
        assertEquals(new Envelope<Event>(expected, null), bob.next());
        assertEquals(new Envelope<Event>(expected, "o1"), alice.next());
    }

    @Test
    void wholeTransferIsRelayedInOrderAndThenForgotten() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offerAndAccept(alice, bob, 5L);
        Command.FileChunk hel = Command.FileChunk.of(ID, 0, "hel".getBytes(), 3);
        Command.FileChunk lo = Command.FileChunk.of(ID, 1, "lo".getBytes(), 2);
        alice.send(hel);
        alice.send(lo);
        alice.send(new Command.FileDone(ID));
        assertEquals(new Event.FileChunk("alice", ID, 0L, hel.data()), bob.next().message());
        assertEquals(new Event.FileChunk("alice", ID, 1L, lo.data()), bob.next().message());
        assertEquals(new Event.FileDone("alice", ID), bob.next().message());
        bob.send(new Command.FileAck(ID, 0L));
        bob.send(new Command.FileAck(ID, 1L));
        bob.send(new Command.FileDone(ID));
        assertEquals(new Event.FileAck("bob", ID, 0L), alice.next().message());
        assertEquals(new Event.FileAck("bob", ID, 1L), alice.next().message());
        assertEquals(new Event.FileDone("bob", ID), alice.next().message());

        // Over: a late frame from either side is dropped without a word, a stranger's gets no_such_transfer.
        alice.send(new Command.FileCancel(ID, null));
        assertEquals(List.of(), alice.sync());
        assertEquals(List.of(), bob.sync());
        TestClient carol = live.register("carol");
        carol.send(new Command.FileCancel(ID, null), "x");
        assertEquals("x", carol.expectError(ErrorCode.NO_SUCH_TRANSFER).ref());
    }

    @Test
    void offerOverTheSizeLimitIsRefusedWithFileTooLarge() throws Exception {
        live = LiveServer.start("--max-file-bytes", "1000");
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        alice.send(new Command.FileOffer("bob", ID, "big.iso", 1001L, SHA), "o1");
        Envelope<Event> refused = alice.expectError(ErrorCode.FILE_TOO_LARGE);
        assertEquals(new Event.Error(ErrorCode.FILE_TOO_LARGE, "\"big.iso\" is 1001 bytes; this server relays "
                + "files of at most 1000 bytes"), refused.message());
        assertEquals("o1", refused.ref());
        alice.send(new Command.FileOffer("bob", ID, "fits.iso", 1000L, SHA));
        assertEquals(new Event.FileOffer("alice", "bob", ID, "fits.iso", 1000L, SHA), bob.next().message());
    }

    @Test
    void serverWithoutFileTransfersRefusesEveryOffer() throws Exception {
        live = LiveServer.start("--max-file-bytes", "0");
        TestClient alice = live.register("alice");
        live.register("bob");
        alice.send(new Command.FileOffer("bob", ID, "empty.txt", 0L, SHA));
        assertEquals(new Event.Error(ErrorCode.FILE_TOO_LARGE, "this server does not relay files"),
                alice.next().message());
    }

    @Test
    void offerToNobodyToYourselfOrWithAnIdInUseIsRefused() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        alice.send(new Command.FileOffer("nobody", ID, "a.txt", 1L, SHA));
        alice.expectError(ErrorCode.NO_SUCH_NICK);
        alice.send(new Command.FileOffer("ALICE", ID, "a.txt", 1L, SHA));
        assertEquals(new Event.Error(ErrorCode.TRANSFER_INVALID, "you cannot send a file to yourself"),
                alice.next().message());
        alice.send(new Command.FileOffer("bob", ID, "a.txt", 1L, SHA));
        bob.expect(Event.FileOffer.class);
        alice.expect(Event.FileOffer.class);
        bob.send(new Command.FileOffer("alice", ID, "b.txt", 1L, SHA));
        assertEquals(new Event.Error(ErrorCode.TRANSFER_INVALID, "transfer id \"k3f9q2\" is in use by another "
                + "transfer; choose another id"), bob.next().message());
    }

    @Test
    void chunkBeforeTheAcceptCancelsTheTransferOnBothSides() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offer(alice, bob, 5L);
        alice.send(Command.FileChunk.of(ID, 0, new byte[5], 5), "c0");
        String problem = "chunk 0 of transfer k3f9q2, which is offered, not sending";
        Envelope<Event> error = alice.next();
        assertEquals(new Envelope<Event>(new Event.Error(ErrorCode.TRANSFER_INVALID, problem
                + "; the transfer is cancelled"), "c0"), error);
        String reason = "transfer_invalid: " + problem;
        assertEquals(new Event.FileCancel("bob", ID, reason), alice.next().message());
        assertEquals(new Event.FileCancel("alice", ID, reason), bob.next().message());
    }

    @Test
    void frameForATransferNobodyStartedGetsNoSuchTransfer() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        alice.send(new Command.FileAccept("zzzzzz"), "a1");
        Envelope<Event> error = alice.expectError(ErrorCode.NO_SUCH_TRANSFER);
        assertEquals(new Event.Error(ErrorCode.NO_SUCH_TRANSFER, "no transfer \"zzzzzz\" of yours is in progress"),
                error.message());
        assertEquals("a1", error.ref());
    }

    @Test
    void ninthUnacknowledgedChunkIsPastTheWindow() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offerAndAccept(alice, bob, 100L);
        for (int i = 0; i < FieldRules.TRANSFER_WINDOW_CHUNKS; i++) {
            alice.send(Command.FileChunk.of(ID, i, new byte[1], 1));
        }
        // Bob acknowledges chunk 0 once he has it: an ack that overtook the chunk would break the rules.
        bob.expect(Event.FileChunk.class);
        bob.send(new Command.FileAck(ID, 0L));
        alice.expect(Event.FileAck.class);
        // One acknowledged: one more fits, the next one does not.
        alice.send(Command.FileChunk.of(ID, 8, new byte[1], 1));
        alice.send(Command.FileChunk.of(ID, 9, new byte[1], 1));
        assertEquals(new Event.Error(ErrorCode.TRANSFER_INVALID, "chunk 9 of transfer k3f9q2 is past the window: 8 "
                + "chunks are already waiting for their file-ack; the transfer is cancelled"), alice.next().message());
        List<Event> bobGot = bob.sync();
        assertEquals(9, bobGot.size(), bobGot.toString());
        assertInstanceOf(Event.FileCancel.class, bobGot.getLast());
    }

    @Test
    void bytesBeyondTheOfferedSizeAreRefused() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offerAndAccept(alice, bob, 3L);
        alice.send(Command.FileChunk.of(ID, 0, new byte[4], 4));
        assertEquals(new Event.Error(ErrorCode.TRANSFER_INVALID, "chunk 0 of transfer k3f9q2 takes it to 4 bytes, "
                + "more than the 3 offered; the transfer is cancelled"), alice.next().message());
    }

    @Test
    void doneBeforeEveryByteWasSentIsRefused() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offerAndAccept(alice, bob, 3L);
        alice.send(Command.FileChunk.of(ID, 0, new byte[2], 2));
        alice.send(new Command.FileDone(ID));
        assertEquals(new Event.Error(ErrorCode.TRANSFER_INVALID, "file-done for transfer k3f9q2 after 2 of 3 bytes; "
                + "the transfer is cancelled"), alice.next().message());
    }

    @Test
    void onlyTheReceiverAcceptsAndOnlyTheSenderSendsChunks() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offer(alice, bob, 1L);
        alice.send(new Command.FileAccept(ID));
        assertEquals(new Event.Error(ErrorCode.TRANSFER_INVALID, "only the receiver of transfer k3f9q2 can do that; "
                + "the transfer is cancelled"), alice.next().message());
    }

    @Test
    void receiverDisconnectingCancelsTheTransferForTheSender() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offerAndAccept(alice, bob, 100L);
        alice.send(Command.FileChunk.of(ID, 0, new byte[10], 10));
        bob.expect(Event.FileChunk.class);
        bob.close();
        assertEquals(new Event.FileCancel("bob", ID, "left: connection lost"), alice.next().message());
        // Chunks already on their way when the news came are dropped quietly.
        alice.send(Command.FileChunk.of(ID, 1, new byte[10], 10));
        assertEquals(List.of(), alice.sync());
    }

    @Test
    void senderQuittingCancelsTheOfferForTheReceiver() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offer(alice, bob, 1L);
        alice.send(new Command.Quit("lunch"));
        assertEquals(new Event.FileCancel("alice", ID, "left: quit: lunch"), bob.next().message());
    }

    @Test
    void eitherSideCancelsWithAReasonOrWithout() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offerAndAccept(alice, bob, 100L);
        bob.send(new Command.FileCancel(ID, "wrong file"));
        assertEquals(new Event.FileCancel("bob", ID, "wrong file"), alice.next().message());

        offer(alice, bob, 1L);
        alice.send(new Command.FileCancel(ID, null));
        assertEquals(new Event.FileCancel("alice", ID, "cancelled"), bob.next().message());
    }

    @Test
    void rejectEndsTheOffer() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offer(alice, bob, 1L);
        bob.send(new Command.FileReject(ID));
        assertEquals(new Event.FileReject("bob", ID), alice.next().message());
        bob.send(new Command.FileAccept(ID));
        assertEquals(List.of(), bob.sync());
    }

    @Test
    void framesOfATransferUnderWayAreNotCountedByTheRateLimit() throws Exception {
        // Two frames each, spent by hello and the offer (alice), hello and the accept (bob).
        live = LiveServer.start("--rate-limit", "1", "--rate-burst", "2");
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        offerAndAccept(alice, bob, 400L);
        for (int i = 0; i < 40; i++) {
            alice.send(Command.FileChunk.of(ID, i, new byte[10], 10));
            assertEquals(Event.FileChunk.class, bob.next().message().getClass());
            bob.send(new Command.FileAck(ID, (long) i));
            assertEquals(new Event.FileAck("bob", ID, (long) i), alice.next().message());
        }
        alice.send(new Command.FileDone(ID));
        bob.expect(Event.FileDone.class);
        bob.send(new Command.FileDone(ID));
        alice.expect(Event.FileDone.class);
        // A frame that names no transfer under way is counted as usual.
        alice.send(new Command.FileDone("other"));
        alice.expectError(ErrorCode.RATE_LIMITED);
    }

    @Test
    void aClientReceivesAtMostTwoFilesAtOnceWithTheDefaultQueue() throws Exception {
        live = LiveServer.start();
        TestClient bob = live.register("bob");
        List<TestClient> senders = new ArrayList<>();
        for (String nick : List.of("alice", "carol", "dave")) {
            TestClient sender = live.register(nick);
            sender.send(new Command.FileOffer("bob", "id-" + nick, "f", 1L, SHA));
            bob.expect(Event.FileOffer.class);
            sender.expect(Event.FileOffer.class);
            senders.add(sender);
        }
        bob.send(new Command.FileAccept("id-alice"));
        bob.send(new Command.FileAccept("id-carol"));
        bob.send(new Command.FileAccept("id-dave"), "a3");
        assertEquals(new Envelope<Event>(new Event.Error(ErrorCode.TOO_MANY_TRANSFERS, "you are already receiving "
                + "2 files; accept this one when one of them has ended"), "a3"), bob.next());
        senders.get(0).send(new Command.FileCancel("id-alice", null));
        bob.expect(Event.FileCancel.class);
        bob.send(new Command.FileAccept("id-dave"));
        assertEquals(new Event.FileAccept("bob", "id-dave"), senders.get(2).next().message());
    }

    @Test
    void aClientSendsAtMostEightFilesAtOnceOffersIncluded() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        for (int i = 0; i < Transfers.MAX_OUTGOING; i++) {
            alice.send(new Command.FileOffer("bob", "id-" + i, "f", 1L, SHA));
            alice.expect(Event.FileOffer.class);
        }
        alice.send(new Command.FileOffer("bob", "id-8", "f", 1L, SHA), "o9");
        assertEquals(new Envelope<Event>(new Event.Error(ErrorCode.TOO_MANY_TRANSFERS, "you already have 8 transfers "
                + "in progress as the sender; wait for one to end"), "o9"), alice.next());
        bob.send(new Command.FileReject("id-0"));
        alice.expect(Event.FileReject.class);
        alice.send(new Command.FileOffer("bob", "id-8", "f", 1L, SHA));
        assertEquals("id-8", alice.expect(Event.FileOffer.class).id());
    }

    @Test
    void payloadArrivesByteForByte() throws Exception {
        live = LiveServer.start();
        TestClient alice = live.register("alice");
        TestClient bob = live.register("bob");
        byte[] data = new byte[FieldRules.MAX_CHUNK_BYTES];
        new Random(7).nextBytes(data);
        offerAndAccept(alice, bob, FieldRules.MAX_CHUNK_BYTES);
        alice.send(Command.FileChunk.of(ID, 0, data, data.length));
        assertArrayEquals(data, bob.expect(Event.FileChunk.class).bytes());
    }

    private static void offer(TestClient alice, TestClient bob, long size) throws Exception {
        alice.send(new Command.FileOffer(bob.nick(), ID, "hello.txt", size, SHA));
        bob.expect(Event.FileOffer.class);
        alice.expect(Event.FileOffer.class);
    }

    private static void offerAndAccept(TestClient alice, TestClient bob, long size) throws Exception {
        offer(alice, bob, size);
        bob.send(new Command.FileAccept(ID));
        assertEquals(new Event.FileAccept("bob", ID), alice.next().message());
    }
}
