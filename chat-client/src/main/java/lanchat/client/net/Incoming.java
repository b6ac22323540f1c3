package lanchat.client.net;

import lanchat.protocol.Command;
import lanchat.protocol.Event;

/**
 * One event as a {@link ChatConnection} received it.
 *
 * @param event   the decoded event
 * @param ref     the frame's {@code ref}, or null
 * @param answers the command this client sent with that {@code ref} (an error's cause, for example), or null
 *                when the event carried no ref or one this client no longer remembers
 */
public record Incoming(Event event, String ref, Command answers) {
    public Incoming {
        if (event == null) {
            throw new IllegalArgumentException("event is null");
        }
    }
}
