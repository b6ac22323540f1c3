package lanchat.server;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The client side of TLS for server tests: layers TLS 1.3 over a connected socket and completes the handshake,
 * trusting whatever key the server presents (the client's pinning has its own tests in chat-client).
 */
final class TestTls {
    private static final SSLContext CONTEXT = context();

    private TestTls() {
    }

    /** {@code raw}, connected, as a TLS client socket whose handshake is done; closing it closes {@code raw}. */
    static SSLSocket layer(Socket raw) throws IOException {
        SSLSocket tls = (SSLSocket) CONTEXT.getSocketFactory().createSocket(raw, "lanchat", raw.getPort(), true);
        SSLParameters parameters = tls.getSSLParameters();
        parameters.setProtocols(new String[] {"TLSv1.3"});
        tls.setSSLParameters(parameters);
        tls.startHandshake();
        return tls;
    }

    private static SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {new TrustingAnyKey()}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class TrustingAnyKey implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a test client is never a TLS server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // every key: these tests are about the chat inside TLS, not about trust
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
