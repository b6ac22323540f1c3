package lanchat.server.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the self-signed certificate that carries the server's key in the TLS handshake. No client checks its
 * names or dates (clients pin the key, see {@code Fingerprint}); it exists because TLS sends keys inside
 * certificates. The JDK has no public certificate builder, so Bouncy Castle's {@code bcpkix} builds it, with the
 * JDK's own EC key and signature (no JCE provider is registered). Pure; any thread.
 */
final class CertificateIssuer {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final X500Principal SUBJECT = new X500Principal("CN=lanchat");
    // A little in the past, so a client whose clock is slightly behind does not see a certificate from the future.
    private static final Duration BACKDATE = Duration.ofHours(1);

    private CertificateIssuer() {
    }

    /** A certificate for {@code keys}, signed by them, valid from about {@code now} for {@code validity}. */
    static X509Certificate issue(KeyPair keys, Instant now, Duration validity) throws GeneralSecurityException {
        BigInteger serial = new BigInteger(64, RANDOM);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(SUBJECT, serial,
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), SUBJECT, keys.getPublic());
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the certificate: " + e.getMessage(), e);
        }
    }
}
