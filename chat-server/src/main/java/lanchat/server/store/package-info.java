/**
 * The seams between a room and where its shared state lives: a room's log ({@link lanchat.server.store.RoomLog}),
 * who holds which nick ({@link lanchat.server.store.NickRegistry}), the sessions held for a resume
 * ({@link lanchat.server.store.SessionStore}) and who is in which room ({@link lanchat.server.store.RoomMembers}).
 *
 * <p>Each interface has an in-memory implementation here ({@code Memory…}: one server, today's behaviour) and a
 * Redis one in {@code lanchat.server.cluster} (several nodes sharing one Redis). Session threads call them; every
 * method is thread-safe. A method that needs the shared store and cannot reach it throws
 * {@link lanchat.server.store.StoreUnavailableException} at once, which the server reports to the client as
 * {@code error{store_unavailable}}; the in-memory implementations never throw it.
 *
 * <pre>
 *  session thread ──▶ RoomLog.append ──▶ memory ring          (one node)
 *                                   └──▶ Redis stream per room (many nodes; RoomFeed delivers it on each)
 * </pre>
 */
package lanchat.server.store;
