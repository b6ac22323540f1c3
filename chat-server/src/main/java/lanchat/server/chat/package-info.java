/**
 * What the chat is about: the {@link lanchat.server.chat.CommandHandler} (one per session: the exhaustive switch
 * over every command), {@link lanchat.server.chat.Room}s and the {@link lanchat.server.chat.Rooms} registry,
 * the {@link lanchat.server.chat.MembershipRegistry} (which rooms each member is in; in memory today), and the
 * replay of a resumed session's rooms ({@code CatchUp}).
 *
 * <p>The top layer: it uses {@code .session} (sessions, members, frames, nicks), {@code .files} and
 * {@code .history}, and nothing above it except the server's wiring uses it. Threads: a session's commands run on
 * its reader thread with its lock held; a room's changes and the frames they make are offered under the room's
 * lock; departures come from any thread.
 */
package lanchat.server.chat;
