package lanchat.client.tls;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lanchat.protocol.tls.Fingerprint;

/**
 * What the user decided about server keys, applied to the key a server presents:
 * <ul>
 * <li>a key pinned in {@link KnownServers} for this {@code host:port}: trusted;</li>
 * <li>a different key than the pinned one: a hard stop, whatever the options, naming the file and line to edit;</li>
 * <li>a new server: trusted if it presents the key given with {@code --trust}, or with {@code --trust-new}, or if
 * the person at the terminal says yes ({@link Asker}); then pinned. Otherwise refused, saying how to trust it.</li>
 * </ul>
 * The connecting thread; the question is asked after the handshake was abandoned, never during it.
 */
public final class TrustPolicy {
    private final KnownServers known;
    private final Fingerprint trusted;
    private final boolean trustNew;
    private final Asker asker;
    private final PrintStream notices;
    // Keys accepted in this run that could not be written to the file: reconnects still trust them.
    private final Map<String, Fingerprint> unsaved = new ConcurrentHashMap<>();

    /** The question on the terminal for a server met for the first time. */
    @FunctionalInterface
    public interface Asker {
        /** Shows {@code explanation}, asks {@code question}, returns true for yes. */
        boolean confirm(String explanation, String question);
    }

    /** What to do with a presented key. */
    public enum Verdict { TRUSTED, ASK }

    /**
     * @param trusted  the key given with {@code --trust}, or null
     * @param trustNew {@code --trust-new}: accept a server met for the first time, refuse a changed key
     * @param asker    the terminal's question, or null when there is no terminal
     * @param notices  where "remembered in known_servers" lines go (stderr)
     */
    public TrustPolicy(KnownServers known, Fingerprint trusted, boolean trustNew, Asker asker, PrintStream notices) {
        this.known = known;
        this.trusted = trusted;
        this.trustNew = trustNew;
        this.asker = asker;
        this.notices = notices;
    }

    /** During the handshake: trusted, or to ask the user; throws when it must be refused. */
    Verdict judge(String hostPort, Fingerprint presented) throws TlsFailure {
        List<KnownServers.Pin> pins = pins(hostPort);
        if (pins.stream().anyMatch(pin -> pin.fingerprint().equals(presented))
                || presented.equals(unsaved.get(hostPort))) {
            return Verdict.TRUSTED;
        }
        if (!pins.isEmpty()) {
            throw changed(hostPort, presented, pins.getFirst());
        }
        if (trusted != null) {
            if (!trusted.equals(presented)) {
                throw new TlsFailure(hostPort + " presented the key " + presented + ", not the " + trusted
                        + " given with --trust; not connecting");
            }
            remember(hostPort, presented);
            return Verdict.TRUSTED;
        }
        if (trustNew) {
            remember(hostPort, presented);
            return Verdict.TRUSTED;
        }
        if (asker == null) {
            throw new TlsFailure(hostPort + " is a server not met before (not in " + known.file() + ") and there "
                    + "is no terminal to ask; its key is " + presented + ". If that is the key the server printed "
                    + "when it started, connect with --trust " + presented + " (or --trust-new)");
        }
        return Verdict.ASK;
    }

    /** After a handshake abandoned for {@link Verdict#ASK}: asks, and pins the key on yes. */
    boolean ask(String hostPort, Fingerprint presented) {
        boolean yes = asker.confirm("The server " + hostPort + " is not in " + known.file() + " yet.\n"
                + "Its key fingerprint is " + presented + "\n"
                + "  read aloud: " + presented.grouped() + "\n"
                + "Compare it with the fingerprint the server printed when it started (ask whoever runs it).",
                "Trust this server and remember its key? (yes/no) ");
        if (yes) {
            remember(hostPort, presented);
        }
        return yes;
    }

    private List<KnownServers.Pin> pins(String hostPort) throws TlsFailure {
        try {
            return known.pins(hostPort);
        } catch (IOException e) {
            throw new TlsFailure("cannot read " + known.file() + ": " + e.getMessage(), e);
        }
    }

    private void remember(String hostPort, Fingerprint presented) {
        try {
            known.add(hostPort, presented);
            notices.println("trusting " + hostPort + " (" + presented + "); remembered in " + known.file());
        } catch (IOException e) {
            unsaved.put(hostPort, presented);
            notices.println("trusting " + hostPort + " (" + presented + ") for this run only: cannot write "
                    + known.file() + " (" + e.getMessage() + ")");
        }
    }

    private TlsFailure changed(String hostPort, Fingerprint presented, KnownServers.Pin pin) {
        return new TlsFailure("THE KEY OF " + hostPort + " HAS CHANGED: it presented " + presented + ", but "
                + known.file() + " line " + pin.line() + " pins " + pin.fingerprint() + ". Someone may be "
                + "intercepting the connection, or the server was given a new key. Not connecting. If you know "
                + "the key changed, delete line " + pin.line() + " of " + known.file() + " and connect again");
    }
}
