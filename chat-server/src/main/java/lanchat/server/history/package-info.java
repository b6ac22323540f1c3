/**
 * What a room remembers, behind the {@link lanchat.server.history.RoomLog} seam (append a message with the next
 * seq; the messages after a seq; the last N; the first kept seq for a {@code gap}). Its implementation in this
 * process, {@link lanchat.server.history.LocalRoomLog}, keeps {@link lanchat.server.history.RoomHistory} in
 * memory (the last {@code --history} messages, replayed on join and on resume), and with {@code --data-dir} one
 * {@link lanchat.server.history.Journal} file per room, loaded at start by the
 * {@link lanchat.server.history.DataDir}.
 *
 * <pre>
 *  Room.say ─▶ LocalRoomLog.append     under the room's own lock
 *    ├─ Journal.append ──▶ DIR/lobby.jsonl   one JSON line, written before anyone is sent the message;
 *    │     │                                 failed: cut back to the last whole line, storage_failed, stop here
 *    │     └─ OpenJournals.used              at most 64 files open: closes the least recently written
 *    ├─ RoomHistory.add                      ring of the last N, each with its replay frame ("history":true)
 *    └─ broadcast ──▶ every member's Outbox
 *  history fsync thread: Journal.sync once a second (--fsync batch)
 * </pre>
 *
 * <p>Used by {@code .chat} (a room calls its log with the room's lock held) and by the server at start
 * ({@code DataDir}); depends on the protocol only.
 */
package lanchat.server.history;
