package lanchat.server.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.tls.Fingerprint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KeyMaterialTest {
    private static final Instant NOW = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    @Test
    void firstStartMakesAnEcP256KeyInAnOwnerOnlyFileInAnOwnerOnlyFolder() throws Exception {
        Path folder = dir.resolve("home").resolve(".lanchat");
        KeyMaterial keys = KeyMaterial.loadOrCreate(folder, at(NOW));
        Path file = folder.resolve("server-key.p12");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("EC", keys.certificate().getPublicKey().getAlgorithm());
        assertEquals("SHA256withECDSA", keys.certificate().getSigAlgName());
        assertEquals(NOW.plus(KeyMaterial.VALIDITY), keys.certificate().getNotAfter().toInstant());
        keys.certificate().verify(keys.certificate().getPublicKey()); // self-signed
    }

    @Test
    void laterStartsLoadTheSameKeyAndCertificate() throws Exception {
        KeyMaterial first = KeyMaterial.loadOrCreate(dir, at(NOW));
        KeyMaterial again = KeyMaterial.loadOrCreate(dir, at(NOW.plusSeconds(3600)));
        assertEquals(first.fingerprint(), again.fingerprint());
        assertEquals(first.certificate(), again.certificate());
        assertEquals(Fingerprint.of(first.certificate().getPublicKey()), again.fingerprint());
    }

    @Test
    void aCertificateNearItsEndIsRenewedForTheSameKey() throws Exception {
        KeyMaterial first = KeyMaterial.loadOrCreate(dir, at(NOW));
        Instant late = NOW.plus(KeyMaterial.VALIDITY).minus(KeyMaterial.RENEW_BEFORE).plusSeconds(1);
        KeyMaterial renewed = KeyMaterial.loadOrCreate(dir, at(late));
        assertNotEquals(first.certificate(), renewed.certificate());
        assertEquals(late.plus(KeyMaterial.VALIDITY), renewed.certificate().getNotAfter().toInstant());
        assertEquals(first.fingerprint(), renewed.fingerprint(), "the pin survives the renewal");
        assertEquals(renewed.certificate(), KeyMaterial.loadOrCreate(dir, at(late)).certificate(), "saved");
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve("server-key.p12"))));
    }

    @Test
    void aKeyFileReadableByOthersIsMadeOwnerOnly() throws Exception {
        KeyMaterial.loadOrCreate(dir, at(NOW));
        Path file = dir.resolve("server-key.p12");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        KeyMaterial.loadOrCreate(dir, at(NOW));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aDamagedKeyFileIsOneSentenceSayingWhatToDo() throws Exception {
        Path file = dir.resolve("server-key.p12");
        Files.write(file, new byte[] {1, 2, 3});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        KeyFileException e = assertThrows(KeyFileException.class, () -> KeyMaterial.loadOrCreate(dir, at(NOW)));
        assertTrue(e.getMessage().startsWith("cannot use the server key " + file + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" (move the file away to make a new key; clients will then see a "
                + "changed key)"), e.getMessage());
    }
}
