/**
 * {@code scripts/backlog-demo}: {@link lanchat.demo.BacklogDemo} starts a server process with a tiny listen
 * backlog and a paused accept loop, opens more connections than the backlog holds, and prints when each one
 * completed its handshake and when it was accepted. Runs on the main thread plus one thread per connection.
 */
package lanchat.demo;
