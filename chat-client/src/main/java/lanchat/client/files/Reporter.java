package lanchat.client.files;

/**
 * What a {@link Transfer} tells the {@link Transfers} that keeps it. Called on the transfer's own threads or the
 * reader thread, without the transfer's lock held.
 */
interface Reporter {

    /** Bytes were hashed or moved: the progress lines may be due for a redraw. */
    void progressed();

    /** The transfer has ended (this is the one call that ended it): forget it and show {@code line}. */
    void finished(Transfer transfer, String line);
}
