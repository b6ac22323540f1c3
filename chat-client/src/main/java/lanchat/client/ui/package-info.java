/**
 * What the user sees and types: {@link lanchat.client.ui.Console} (JLine; the input thread reads lines, the
 * reader thread prints above the prompt) and {@link lanchat.client.ui.LineMode} (standard input and output, one
 * plain or JSON line per event), both an {@code Output} of the session; {@link lanchat.client.ui.CommandParser}
 * (a typed line to an {@code Input}), {@link lanchat.client.ui.EventRenderer} and
 * {@link lanchat.client.ui.ErrorSentences} (events and failures to sentences), {@link lanchat.client.ui.Neutraliser}
 * (every string from the network made inert before it reaches the terminal), completion and the prompts used
 * before a session starts.
 */
package lanchat.client.ui;
