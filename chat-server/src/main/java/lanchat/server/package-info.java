/**
 * The LanChat server's top: {@link lanchat.server.Main} (command line, logging setup), {@link lanchat.server.Options}
 * and {@link lanchat.server.ServerConfig} (every option, validated), {@link lanchat.server.ChatServer} (start, the
 * listening line, shutdown in order), {@code Wiring} (makes every part once and connects them by constructors) and
 * the {@code Doorman} (on the accept thread: a session, or a cheap refusal).
 *
 * <p>Packages, top to bottom; each uses only those below it (ArchitectureTest holds this):
 * <pre>
 *   lanchat.server            Main, ChatServer, Wiring, Doorman, config
 *   ├─ .chat                  CommandHandler (the switch), Room, Rooms, MembershipRegistry
 *   ├─ .files  .history       file relay; RoomLog (memory + JSON-lines journal)
 *   ├─ .session               Session, Handshake, Liveness, hold/resume, NickRegistry, TokenRegistry, limits
 *   ├─ .transport             Connection (TCP today), Outbox, Coalescer — the only package with a Socket
 *   ├─ .discovery             UDP discovery answers
 *   └─ .runtime               threads, timer, last resort, log throttle
 * </pre>
 *
 * <p><b>Lock order.</b> A thread may take a lock further down this list while holding one above it, never the
 * other way round; locks on one line are never held together, except where stated.
 * <ol>
 *   <li>{@code Session.lock} — a session's commands and its departure. A resume holds the newcomer's lock, then
 *       the held session's (newer before older; a held session never resumes anything).</li>
 *   <li>{@code HoldState.lock} — whispers to a held session; passing one on goes from an older session's to a
 *       newer one's (no cycle).</li>
 *   <li>{@code Room.lock} — a room's members and log; a rename holds several rooms' locks, taken in room-key
 *       order. Room file writes ({@code Journal}, {@code OpenJournals}) happen under this lock alone.</li>
 *   <li>{@code Transfer.lock} — one file transfer's steps.</li>
 *   <li>Leaf locks, under which nothing else is locked and nothing blocks: {@code SendQueue} (an outbox),
 *       {@code Sessions}, {@code HostLedger}, {@code PasswordGuard}, {@code Bandwidth}, {@code Transfers}' ended
 *       list, {@code Rooms}' eviction, the coalescer's queue, the registries' concurrent maps.</li>
 * </ol>
 * No socket is written under any of these: frames are only offered to outboxes; trouble an outbox meets is handed
 * to the timer thread ({@code Scheduler.later}) so that a session's departure never runs under another session's
 * room lock.
 */
package lanchat.server;
