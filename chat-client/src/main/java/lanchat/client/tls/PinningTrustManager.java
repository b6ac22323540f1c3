package lanchat.client.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import lanchat.protocol.tls.Fingerprint;

/**
 * Checks the server's key during the TLS handshake by its fingerprint, against {@link TrustPolicy}, ignoring the
 * certificate's names, dates and issuer: a LAN has no certificate authority, and pinning the key (not the
 * certificate) lets a server renew its certificate without clients noticing. One per connection attempt; runs on
 * the thread doing the handshake. A refusal reaches the caller as the cause of the handshake's exception.
 */
final class PinningTrustManager implements javax.net.ssl.X509TrustManager {
    private final TrustPolicy policy;
    private final String hostPort;
    private volatile Fingerprint presented;

    /** Thrown to abandon the handshake when the user must be asked first. */
    static final class AskFirst extends CertificateException {
        AskFirst() {
            super("the server's key needs the user's decision");
        }
    }

    /** Thrown to abandon the handshake with the policy's refusal as the cause. */
    static final class Refused extends CertificateException {
        Refused(TlsFailure refusal) {
            super(refusal.getMessage(), refusal);
        }
    }

    PinningTrustManager(TrustPolicy policy, String hostPort) {
        this.policy = policy;
        this.hostPort = hostPort;
    }

    /** The key the server presented, or null before the handshake got that far. */
    Fingerprint presented() {
        return presented;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        Fingerprint key = Fingerprint.of(chain[0].getPublicKey());
        presented = key;
        try {
            if (policy.judge(hostPort, key) == TrustPolicy.Verdict.ASK) {
                throw new AskFirst();
            }
        } catch (TlsFailure refusal) {
            throw new Refused(refusal);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a LanChat client does not accept TLS connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
