package lanchat.server.store;

/**
 * Where an entry stands in its room's log: {@code seq} is the seq of the last message at or before it, and
 * {@code sub} is 0 for that message itself and 1, 2, … for the joins, leaves and renames after it. So a message
 * has position {@code (seq, 0)}, and a join before any message {@code (0, 1)}. Positions of one room are unique
 * and ordered; in Redis a position is also the stream entry's id, written {@code "seq-sub"}.
 */
public record Position(long seq, long sub) implements Comparable<Position> {
    /** Before every entry of a room. */
    public static final Position START = new Position(0, 0);

    public Position {
        if (seq < 0) {
            throw new IllegalArgumentException("seq < 0: " + seq);
        }
        if (sub < 0) {
            throw new IllegalArgumentException("sub < 0: " + sub);
        }
    }

    /** Parses {@code "seq-sub"}, the form of a Redis stream id. */
    public static Position parse(String id) {
        int dash = id.indexOf('-');
        if (dash < 1) {
            throw new IllegalArgumentException("expected a stream id \"seq-sub\", got \"" + id + "\"");
        }
        return new Position(Long.parseLong(id, 0, dash, 10), Long.parseLong(id, dash + 1, id.length(), 10));
    }

    @Override
    public int compareTo(Position other) {
        int bySeq = Long.compare(seq, other.seq);
        return bySeq != 0 ? bySeq : Long.compare(sub, other.sub);
    }

    @Override
    public String toString() {
        return seq + "-" + sub;
    }
}
