package lanchat.protocol;

/**
 * A decoded message together with the optional {@code ref} its frame carried. A client puts a {@code ref} on a
 * command to match the server's direct replies to it; the server copies it into those replies only.
 *
 * @param message the decoded {@link Command} or {@link Event}
 * @param ref     the frame's {@code ref} string, or null when it had none
 */
public record Envelope<M>(M message, String ref) {
    public Envelope {
        FieldRules.requirePresent("message", message);
    }
}
