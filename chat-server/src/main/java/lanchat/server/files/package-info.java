/**
 * File transfers relayed through the server (PROTOCOL.md section 10): {@link lanchat.server.files.FileRelay}
 * checks each file command of one session against its {@code Transfer} and passes it on; the
 * {@link lanchat.server.files.Transfers} registry holds those in progress and their limits. Nothing of a file is
 * stored.
 *
 * <p>Called by {@code .chat} (its command handler, on the session's reader thread with the session's lock held,
 * and when a session ends, on whichever thread ends it); uses {@code .session} to deliver and reject.
 */
package lanchat.server.files;
