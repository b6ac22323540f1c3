package lanchat.server.cluster;

import lanchat.protocol.FieldRules;

/**
 * Every Redis key LanChat uses, in one place. Room and nick names are folded to lower case first, so
 * {@code Lobby} and {@code lobby} share their keys. Room names and node names hold no {@code :}, so keys cannot
 * collide.
 *
 * <pre>
 *  lanchat:room:{room}:log      stream   the room's log; entry id "seq-sub" (see Position)
 *  lanchat:room:{room}:pos      hash     seq = last message's seq, sub = notices after it
 *  lanchat:room:{room}:members  hash     folded nick → "node TAB nick"
 *  lanchat:rooms                hash     folded room → the room's first spelling
 *  lanchat:nicks                hash     folded nick → "node TAB session TAB nick"
 *  lanchat:session:{token}      string   a held session as JSON, expiring with its grace period
 *  lanchat:node:{node}          string   the node's heartbeat, expiring unless renewed
 *  lanchat:node:{node}:wake     stream   written to wake the node's RoomFeed out of XREAD BLOCK
 * </pre>
 */
final class Keys {
    static final String ROOMS = "lanchat:rooms";
    static final String NICKS = "lanchat:nicks";
    static final String NODE_PREFIX = "lanchat:node:";

    private Keys() {
    }

    static String log(String room) {
        return "lanchat:room:" + FieldRules.fold(room) + ":log";
    }

    static String position(String room) {
        return "lanchat:room:" + FieldRules.fold(room) + ":pos";
    }

    static String members(String room) {
        return "lanchat:room:" + FieldRules.fold(room) + ":members";
    }

    static String session(String token) {
        return "lanchat:session:" + token;
    }

    static String node(String node) {
        return NODE_PREFIX + node;
    }

    static String wake(String node) {
        return NODE_PREFIX + node + ":wake";
    }
}
