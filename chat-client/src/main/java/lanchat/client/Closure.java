package lanchat.client;

/**
 * How a {@link ChatConnection} ended.
 *
 * @param requested true when this client ended it ({@code quit} or {@code close()}), false when the server or
 *                  the network did
 * @param peer      "host:port" of the server
 * @param byeReason the reason in the server's {@code bye} frame, or null when none came
 * @param failure   what went wrong when the connection broke (a reset, a broken frame), or null for a clean end
 */
public record Closure(boolean requested, String peer, String byeReason, String failure) {

    /** One sentence for the user, e.g. "the server at localhost:7777 closed the connection: shutting down". */
    public String sentence() {
        if (failure != null) {
            return "lost the connection to " + peer + ": " + failure;
        }
        String closed = "the server at " + peer + " closed the connection";
        return byeReason == null ? closed : closed + ": " + Neutraliser.neutralise(byeReason);
    }
}
