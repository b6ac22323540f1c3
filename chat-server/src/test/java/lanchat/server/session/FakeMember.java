package lanchat.server.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import lanchat.protocol.Envelope;
import lanchat.protocol.Event;
import lanchat.protocol.ProtocolException;
import lanchat.protocol.json.MessageCodec;
import lanchat.protocol.wire.FrameWriter;

/** A {@link Member} without a socket: it decodes and keeps every frame delivered to it. Single-threaded tests. */
public final class FakeMember implements Member {
    private final List<byte[]> frames = new ArrayList<>();
    private String nick;

    public FakeMember(String nick) {
        this.nick = nick;
    }

    @Override
    public String nick() {
        return nick;
    }

    public void nick(String newNick) {
        nick = newNick;
    }

    @Override
    public boolean deliver(byte[] frame) {
        frames.add(frame);
        return true;
    }

    /** Every frame received so far, decoded, and forgets them. */
    public List<Envelope<Event>> take() throws ProtocolException {
        List<Envelope<Event>> events = new ArrayList<>();
        for (byte[] frame : frames) {
            byte[] body = Arrays.copyOfRange(frame, FrameWriter.HEADER_BYTES, frame.length);
            events.add(MessageCodec.decodeEvent(body));
        }
        frames.clear();
        return events;
    }

    /** The frames received so far, as sent (header included). */
    public List<byte[]> rawFrames() {
        return frames;
    }

    @Override
    public String toString() {
        return nick;
    }
}
