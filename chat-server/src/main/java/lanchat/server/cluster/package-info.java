/**
 * Several LanChat nodes sharing rooms through one Redis: the Redis side of the seams in
 * {@code lanchat.server.store}. Not wired into the server yet.
 *
 * <pre>
 *  node A session thread ──▶ RedisRoomLog.append ──Lua: next seq + XADD──▶ lanchat:room:lobby:log (stream)
 *                                                                               │
 *  node A "feed A" thread ◀── XREAD BLOCK (own connection) ◀────────────────────┤
 *  node B "feed B" thread ◀── XREAD BLOCK (own connection) ◀────────────────────┘
 *        └─▶ RoomFeed.Listener: the room's local broadcast to bounded send queues
 *  "heartbeat A" thread ──▶ SET lanchat:node:A PX ttl   (nicks and members of A count while it exists)
 * </pre>
 *
 * <p>{@link lanchat.server.cluster.RedisLink} is the one shared command connection and the failure policy: while
 * Redis is unreachable every call throws {@link lanchat.server.store.StoreUnavailableException} at once (the
 * {@code store_unavailable} error), and the link reconnects by itself. The design, keys and limits are in
 * {@code docs/cluster.md}.
 */
package lanchat.server.cluster;
