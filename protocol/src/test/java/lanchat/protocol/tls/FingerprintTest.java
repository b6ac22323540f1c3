package lanchat.protocol.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void isSha256OfTheSubjectPublicKeyInfoInUnpaddedBase64() throws Exception {
        PublicKey key = KeyPairGenerator.getInstance("EC").generateKeyPair().getPublic();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
        assertEquals("SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest),
                Fingerprint.of(key).text());
    }

    @Test
    void groupsTheSameCharactersByFourForReadingAloud() {
        Fingerprint fingerprint = new Fingerprint("SHA256:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ");
        assertEquals("abcd efgh ijkl mnop qrst uvwx yzAB CDEF GHIJ KLMN OPQ", fingerprint.grouped());
    }

    @Test
    void parsesTheFullAndTheGroupedForm() {
        Fingerprint fingerprint = new Fingerprint("SHA256:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN+/Q");
        assertEquals(fingerprint, Fingerprint.parse(" " + fingerprint.text() + " "));
        assertEquals(fingerprint, Fingerprint.parse(fingerprint.grouped()));
    }

    @Test
    void refusesWhatIsNoFingerprintNamingTheFormat() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fingerprint.parse("SHA256:short"));
        assertEquals("fingerprint \"SHA256:short\" is not SHA256: followed by 43 base64 characters",
                e.getMessage());
    }
}
