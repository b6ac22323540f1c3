/**
 * The LanChat console client.
 *
 * <pre>
 *  network side (no terminal)                 user side
 *  ──────────────────────────                 ─────────
 *  ChatConnection  socket, hello/welcome,     Main         options, picks Console or LineMode
 *    │             reader thread, send()      Console      JLine: prompt, history, Tab, printAbove
 *    │ ConnectionListener (reader thread)     LineMode     pipes: one plain or JSON line per event
 *    ▼                                        CommandParser  typed line → Input (send, switch, hint…)
 *  ChatSession ── SessionState (nick, rooms, current room, members)
 *    │  │          SeenMessages (last seq per room: what a resume asks for, what is shown once)
 *    │  │          Outgoing (sends; keeps what waits or is unconfirmed while the connection is down)
 *    │  └─ Reconnector  lost connection → retry 0.5 s … 10 s → Login.reconnect (hello with resume)
 *    │             EventRenderer → lines; Neutraliser makes network text inert
 *    ▼
 *  Output (Console or LineMode)
 *
 *  files/  Transfers: /send, /accept, … and the file-* events (see lanchat.client.files)
 * </pre>
 *
 * <p>Threads: the main thread reads input (the terminal or standard input) and sends; each connection has one
 * reader thread that delivers events; after a lost connection one {@code reconnect} thread gets a new one. They
 * share {@link lanchat.client.SessionState}, {@code SeenMessages} and {@code Outgoing} (each locked) and the
 * connection's write lock, nothing else. {@code ChatConnection}, {@code ConnectionListener}, {@code Incoming},
 * {@code Closure}, {@code ConnectionFailure} and {@code LoginRefused} are public for tools that reuse the
 * connection without a terminal.
 */
package lanchat.client;
