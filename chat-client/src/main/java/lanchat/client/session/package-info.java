/**
 * One chat session across connections: {@link lanchat.client.session.ChatSession} does what each
 * {@link lanchat.client.session.Input} asks (on the input thread), updates {@link lanchat.client.session.SessionState}
 * from each event (on the connection's reader thread) and shows both through an
 * {@link lanchat.client.session.Output}. {@code SeenMessages} remembers the last seq per room (what a resume asks
 * for, what is shown once), {@code Outgoing} keeps what waits or is unconfirmed while the connection is down, and
 * {@code Reconnector} gets a new connection on its own {@code reconnect} thread, wording its notices through a
 * {@link lanchat.client.session.Wording}. The user interface implements {@code Output} and {@code Wording};
 * nothing here uses it.
 */
package lanchat.client.session;
