package lanchat.server.transport;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import lanchat.protocol.tls.Fingerprint;
import lanchat.server.tls.KeyFileException;
import lanchat.server.tls.KeyMaterial;

/**
 * Turns an accepted TCP socket into a TLS 1.3 server socket, with the JDK's own provider (SunJSSE) and the
 * server's {@link KeyMaterial}. {@link #wrap} runs on the accept thread and does no I/O; the handshake is left to
 * {@link #completeHandshake}, on the connection's own reader thread, so a client that stalls in the handshake
 * holds up nobody but itself. The protocol inside TLS is unchanged: frames as over plain TCP. Thread-safe.
 */
public final class TlsWrapper {
    private static final Logger LOG = Logger.getLogger(TlsWrapper.class.getName());
    private static final String[] PROTOCOLS = {"TLSv1.3"};
    private static final char[] NO_PASSWORD = new char[0];

    private final SSLSocketFactory factory;
    private final Fingerprint fingerprint;

    private TlsWrapper(SSLSocketFactory factory, Fingerprint fingerprint) {
        this.factory = factory;
        this.fingerprint = fingerprint;
    }

    /** A wrapper presenting the key kept in {@code folder}, made there on first use ({@link KeyMaterial}). */
    public static TlsWrapper load(Path folder) throws KeyFileException {
        KeyMaterial keys = KeyMaterial.loadOrCreate(folder, Clock.systemUTC());
        try {
            return new TlsWrapper(factory(keys), keys.fingerprint());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the JDK cannot serve TLS 1.3 with an EC P-256 key: " + e, e);
        }
    }

    /** The fingerprint of the key this server presents. */
    public Fingerprint fingerprint() {
        return fingerprint;
    }

    private static SSLSocketFactory factory(KeyMaterial keys) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("lanchat", keys.privateKey(), NO_PASSWORD, new Certificate[] {keys.certificate()});
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(store, NO_PASSWORD);
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(managers.getKeyManagers(), null, null);
        return context.getSocketFactory();
    }

    /**
     * The TLS layer over {@code accepted}, in server mode, TLS 1.3 only; closing it closes {@code accepted}.
     * No bytes are read or written here. Accept thread.
     */
    public Socket wrap(Socket accepted) throws IOException {
        SSLSocket tls = (SSLSocket) factory.createSocket(accepted, null, accepted.getPort(), true);
        tls.setUseClientMode(false);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(PROTOCOLS);
        tls.setSSLParameters(parameters);
        return tls;
    }

    /**
     * Runs the TLS handshake of {@code socket} if it is a TLS socket (nothing to do for plain TCP), each read
     * waiting at most {@code timeout}; afterwards reads wait as long as it takes again. The session's own
     * handshake deadline still bounds the whole, against a client that sends one byte per read. The
     * connection's reader thread.
     *
     * @throws IOException the handshake failed or timed out (logged here as one line)
     */
    public static void completeHandshake(Socket socket, Duration timeout, Object peer) throws IOException {
        if (!(socket instanceof SSLSocket tls)) {
            return;
        }
        try {
            tls.setSoTimeout(Math.toIntExact(Math.max(1, timeout.toMillis())));
            tls.startHandshake();
            tls.setSoTimeout(0);
        } catch (SocketTimeoutException e) {
            LOG.info(() -> "TLS handshake of " + peer + " timed out after " + timeout.toMillis() + " ms");
            throw e;
        } catch (IOException e) {
            LOG.info(() -> "TLS handshake of " + peer + " failed: " + e.getMessage());
            throw e;
        }
    }
}
