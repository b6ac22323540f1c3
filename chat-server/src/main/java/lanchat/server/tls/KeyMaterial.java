package lanchat.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.logging.Logger;
import lanchat.protocol.tls.Fingerprint;

/**
 * The server's key pair (EC P-256) and its self-signed certificate, kept in {@code server-key.p12} (PKCS#12) in
 * the data directory, or in {@code ~/.lanchat/} without one. The first start makes them; every later start loads
 * the same key, so clients that pinned its {@link Fingerprint} keep trusting the server. A certificate close to
 * its end ({@link #RENEW_BEFORE}) is renewed for the same key, which keeps the fingerprint.
 *
 * <p>The file is owner-only ({@code rw-------}, see {@link OwnerOnly}): whoever reads it can pose as the server.
 * The PKCS#12 password is therefore a constant; the permissions are the protection. Loaded once by
 * {@code ChatServer.start()} on the main thread; immutable after.
 */
public final class KeyMaterial {
    static final String FILE_NAME = "server-key.p12";
    static final Duration VALIDITY = Duration.ofDays(365);
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Logger LOG = Logger.getLogger(KeyMaterial.class.getName());
    private static final String ALIAS = "lanchat";
    private static final char[] PASSWORD = "lanchat".toCharArray();

    private final PrivateKey privateKey;
    private final X509Certificate certificate;

    private KeyMaterial(PrivateKey privateKey, X509Certificate certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
    }

    /** Loads {@code folder/server-key.p12}, renewing its certificate if due, or makes a new key there. */
    public static KeyMaterial loadOrCreate(Path folder, Clock clock) throws KeyFileException {
        Path file = folder.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                return create(folder, file, clock.instant());
            }
            OwnerOnly.tighten(file);
            KeyMaterial loaded = load(file);
            return loaded.dueForRenewal(clock.instant()) ? loaded.renew(file, clock.instant()) : loaded;
        } catch (IOException | GeneralSecurityException e) {
            throw new KeyFileException("cannot use the server key " + file + ": " + e.getMessage()
                    + " (move the file away to make a new key; clients will then see a changed key)", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** The fingerprint of the public key, what clients pin. */
    public Fingerprint fingerprint() {
        return Fingerprint.of(certificate.getPublicKey());
    }

    private static KeyMaterial create(Path folder, Path file, Instant now)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        KeyMaterial made = new KeyMaterial(keys.getPrivate(), CertificateIssuer.issue(keys, now, VALIDITY));
        OwnerOnly.createFolder(folder);
        made.save(file);
        LOG.info("made a new server key " + file + " (" + made.fingerprint() + ")");
        return made;
    }

    private static KeyMaterial load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        if (!(store.getKey(ALIAS, PASSWORD) instanceof PrivateKey key)
                || !(store.getCertificate(ALIAS) instanceof X509Certificate certificate)) {
            throw new GeneralSecurityException("it holds no key and certificate named \"" + ALIAS + "\"");
        }
        return new KeyMaterial(key, certificate);
    }

    private boolean dueForRenewal(Instant now) {
        return !now.plus(RENEW_BEFORE).isBefore(certificate.getNotAfter().toInstant());
    }

    // A new certificate for the same key: the fingerprint, and so every client's pin, stays as it was.
    private KeyMaterial renew(Path file, Instant now) throws IOException, GeneralSecurityException {
        KeyPair keys = new KeyPair(certificate.getPublicKey(), privateKey);
        KeyMaterial renewed = new KeyMaterial(privateKey, CertificateIssuer.issue(keys, now, VALIDITY));
        renewed.save(file);
        LOG.info("renewed the certificate of " + file + " until " + renewed.certificate.getNotAfter().toInstant()
                + "; the key, and its fingerprint, stay the same");
        return renewed;
    }

    // Written to a new owner-only file, then moved over the old one: a crash never leaves half a key file.
    private void save(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, privateKey, PASSWORD, new Certificate[] {certificate});
        Path fresh = file.resolveSibling(FILE_NAME + ".new");
        Files.deleteIfExists(fresh);
        try (OutputStream out = OwnerOnly.newFile(fresh)) {
            store.store(out, PASSWORD);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + fresh, e);
        }
        Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
