package lanchat.server.session;

import java.io.IOException;
import java.util.logging.Logger;
import lanchat.protocol.ErrorCode;
import lanchat.server.runtime.LastResort;
import lanchat.server.runtime.Scheduler;
import lanchat.server.transport.Outbox;

/**
 * A session's answer to its outbox's troubles: each ends the session, on the timer thread, since the trouble may
 * be found under another session's room lock (a broadcast that overflowed this client's queue).
 */
final class OutboxTrouble implements Outbox.Trouble {
    private static final Logger LOG = Logger.getLogger(OutboxTrouble.class.getName());

    private final Session session;
    private final Scheduler scheduler;
    private final LastResort lastResort;
    private final int sendQueueBytes;

    OutboxTrouble(Session session, SessionServices services) {
        this.session = session;
        this.scheduler = services.scheduler();
        this.lastResort = services.lastResort();
        this.sendQueueBytes = services.settings().sendQueueBytes();
    }

    @Override
    public void queueExceeded() {
        scheduler.later(() -> session.disconnect(Disconnect.error(ErrorCode.SEND_QUEUE_EXCEEDED, "more than "
                + sendQueueBytes + " bytes waiting to be sent to you; read faster", null)));
    }

    @Override
    public void writeFailed(IOException e) {
        LOG.fine(() -> "write failed for " + session + ": " + e);
        scheduler.later(() -> session.disconnect(Disconnect.connectionLost()));
    }

    @Override
    public void crashed(Throwable failure) {
        lastResort.caught("outbox " + session, failure);
        scheduler.later(() -> session.disconnect(Disconnect.connectionLost()));
    }
}
