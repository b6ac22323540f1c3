/**
 * The LanChat console client. {@link lanchat.client.Main} reads the options, finds a server, logs in, and wires
 * the layers below; it is the only class that knows all of them.
 *
 * <pre>
 *  ui       Console (JLine: prompt, history, Tab, printAbove) or LineMode (pipes: plain or JSON lines);
 *           CommandParser (typed line → Input), EventRenderer, ErrorSentences, Neutraliser, NickPrompt, ServerPrompt
 *    │ uses
 *    ▼
 *  session  ChatSession (Input in, events out to an Output), SessionState, SeenMessages, Outgoing, Reconnector;
 *           Output and Wording are the interfaces the ui implements for it
 *    │ uses                                   files  Transfers: /send, /accept, … (used by session and ui)
 *    ▼
 *  net      ChatConnection (socket, hello/welcome, reader thread, send), Login, ServerFinder (UDP discovery);
 *           ConnectionListener is the interface the session implements for it
 *    │
 *    ▼
 *  lanchat.protocol
 * </pre>
 *
 * <p>Dependencies point down only; {@code ClientArchitectureTest} holds it. Threads: the main thread reads input
 * (the terminal or standard input) and sends; each connection has one reader thread that delivers events; after
 * a lost connection one {@code reconnect} thread gets a new one. They share {@code SessionState},
 * {@code SeenMessages} and {@code Outgoing} (each locked) and the connection's write lock, nothing else.
 */
package lanchat.client;
