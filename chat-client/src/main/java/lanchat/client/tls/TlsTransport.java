package lanchat.client.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * TLS 1.3 over TCP, from the JDK's own provider, with the server's key checked by a {@link PinningTrustManager}.
 * When the user must be asked about a new server, the handshake is abandoned first (a server gives a handshake
 * only seconds, a person may need longer), the question asked, and on yes a fresh connection is made, which then
 * finds the key pinned. Runs on the connecting thread; holds no state of its own between connections.
 */
public final class TlsTransport implements Transport {
    private static final String[] PROTOCOLS = {"TLSv1.3"};

    private final TrustPolicy policy;

    public TlsTransport(TrustPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Socket connect(String host, int port, Duration timeout) throws IOException {
        String hostPort = host + ":" + port;
        PinningTrustManager pinning = new PinningTrustManager(policy, hostPort);
        try {
            return handshake(host, port, timeout, pinning);
        } catch (SSLException e) {
            if (!(causeOf(e) instanceof PinningTrustManager.AskFirst)) {
                throw failure(hostPort, e);
            }
        }
        if (!policy.ask(hostPort, pinning.presented())) {
            throw new TlsFailure("not connecting to " + hostPort + ": its key was not trusted");
        }
        try {
            return handshake(host, port, timeout, new PinningTrustManager(policy, hostPort));
        } catch (SSLException e) {
            throw failure(hostPort, e);
        }
    }

    private static Socket handshake(String host, int port, Duration timeout, PinningTrustManager pinning)
            throws IOException {
        Socket tcp = Transport.tcp(host, port, timeout);
        try {
            SSLSocket tls = (SSLSocket) context(pinning).getSocketFactory().createSocket(tcp, host, port, true);
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setProtocols(PROTOCOLS);
            tls.setSSLParameters(parameters);
            tls.setSoTimeout(Math.toIntExact(timeout.toMillis()));
            startHandshake(tls);
            tls.setSoTimeout(0);
            return tls;
        } catch (IOException | RuntimeException e) {
            tcp.close();
            throw e;
        }
    }

    // A reset or a timeout in the handshake is a handshake failure too (a --plain server closes on our hello).
    private static void startHandshake(SSLSocket tls) throws SSLException {
        try {
            tls.startHandshake();
        } catch (SSLException e) {
            throw e;
        } catch (IOException e) {
            throw new SSLException(e.toString(), e);
        }
    }

    private static SSLContext context(PinningTrustManager pinning) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {pinning}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no TLS 1.3: " + e, e);
        }
    }

    /** The policy's refusal as it is; any other failure with the likely reason, a server in clear text. */
    private static TlsFailure failure(String hostPort, SSLException e) {
        Throwable cause = causeOf(e);
        if (cause instanceof PinningTrustManager.Refused refused && refused.getCause() instanceof TlsFailure tls) {
            return tls;
        }
        return new TlsFailure("the TLS handshake with " + hostPort + " failed (" + e.getMessage() + "); if the "
                + "server runs with --plain, connect with --plain too (everything then travels in clear text)", e);
    }

    private static Throwable causeOf(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PinningTrustManager.AskFirst || cause instanceof PinningTrustManager.Refused) {
                return cause;
            }
        }
        return null;
    }
}
