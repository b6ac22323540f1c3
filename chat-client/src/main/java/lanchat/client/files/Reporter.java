package lanchat.client.files;

/**
 * What a {@link Transfer} tells the {@link Transfers} that keeps it. Called on the transfer's own threads or the
 * reader thread, without the transfer's lock held.
 */
interface Reporter {

    /** A new transfer, offered to or by this client: keep it by its id. */
    void started(Transfer transfer);

    /** Bytes were hashed or moved, or a stage changed: redraw the progress lines when due ({@code now}: at once). */
    void progressed(boolean now);

    /** The transfer has ended (this is the one call that ended it): forget it and show {@code line}. */
    void finished(Transfer transfer, String line);
}
