package lanchat.server.session;

import lanchat.protocol.Event;

/** What a session's {@link Liveness} does when its clock says so: ping, time out, end a stalled handshake. */
final class SessionClock implements Liveness.Alarms {
    private final Session session;

    SessionClock(Session session) {
        this.session = session;
    }

    @Override
    public void idle() {
        session.send(new Event.Ping(), null);
    }

    @Override
    public void silentAfterPing() {
        session.disconnect(Disconnect.timeout());
    }

    @Override
    public void handshakeDeadline() {
        session.expireHandshake();
    }
}
