package lanchat.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import lanchat.protocol.json.MessageCodec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The file-transfer messages: their wire form and the limits their constructors enforce. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FileMessagesTest {
    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void offerEncodesItsFieldsInOrder() {
        assertEquals("{\"type\":\"file-offer\",\"to\":\"bob\",\"id\":\"k3f9q2\",\"name\":\"report.pdf\","
                + "\"size\":5242880,\"sha256\":\"" + SHA + "\",\"ref\":\"c4\"}", new String(MessageCodec.encode(
                        new Command.FileOffer("bob", "k3f9q2", "report.pdf", 5_242_880L, SHA), "c4"),
                StandardCharsets.UTF_8));
    }

    @Test
    void chunkCarriesBytesAsBase64() {
        byte[] buffer = {0, 1, 2, (byte) 0xff, 9, 9};
        Command.FileChunk chunk = Command.FileChunk.of("k3f9q2", 3, buffer, 4);
        assertEquals("AAEC/w==", chunk.data());
        assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xff}, chunk.bytes());
        assertArrayEquals(chunk.bytes(), new Event.FileChunk("alice", "k3f9q2", 3L, chunk.data()).bytes());
    }

    @Test
    void byteCountIsReadFromTheBase64Length() {
        for (int length : new int[] {1, 2, 3, 4, 5, FieldRules.MAX_CHUNK_BYTES}) {
            Command.FileChunk chunk = Command.FileChunk.of("a", 0, new byte[length], length);
            assertEquals(length, chunk.byteCount(), "length " + length);
        }
    }

    @Test
    void chunkOfExactly32KiBIsAcceptedOneByteMoreIsNot() {
        byte[] full = new byte[FieldRules.MAX_CHUNK_BYTES];
        assertEquals(FieldRules.MAX_CHUNK_BYTES, Command.FileChunk.of("a", 0, full, full.length).bytes().length);
        // 32,769 bytes are 43,692 characters of base64, no padding: as long as 32,768 bytes with padding.
        String oneMore = Base64.getEncoder().encodeToString(new byte[FieldRules.MAX_CHUNK_BYTES + 1]);
        var e = assertThrows(FieldException.class, () -> new Event.FileChunk("alice", "a", 0L, oneMore));
        assertEquals(ErrorCode.BAD_FIELD, e.code());
        assertEquals("data is not base64 of 1-32768 bytes: it decodes to 32769 bytes", e.getMessage());
    }

    @Test
    void overlongChunkIsRefusedBeforeDecoding() {
        String twoMore = Base64.getEncoder().encodeToString(new byte[FieldRules.MAX_CHUNK_BYTES + 2]);
        var e = assertThrows(FieldException.class, () -> new Command.FileChunk("a", 0L, twoMore));
        assertEquals("data is not base64 of 1-32768 bytes: 43696 characters, expected 4 to 43692 and a multiple "
                + "of 4", e.getMessage());
    }

    @Test
    void fileNameRuleAllowsSeparatorsButNotControlsOrLength() {
        assertNull(FieldRules.fileNameProblem("../../etc/passwd"));
        assertNull(FieldRules.fileNameProblem("a\\b"));
        assertNull(FieldRules.fileNameProblem("é".repeat(255)));
        assertEquals("the name has 256 characters, more than 255", FieldRules.fileNameProblem("é".repeat(256)));
        assertEquals("the name contains control character U+0007", FieldRules.fileNameProblem("con\u0007"));
        assertEquals("the name is blank", FieldRules.fileNameProblem(" \t"));
        assertEquals("the name is empty", FieldRules.fileNameProblem(""));
    }

    @Test
    void transferIdIsUpTo32SafeCharacters() {
        assertEquals("x".repeat(32), new Command.FileDone("x".repeat(32)).id());
        var e = assertThrows(FieldException.class, () -> new Command.FileDone("../x"));
        assertEquals("id \"../x\" is not a valid transfer id: 1-32 ASCII letters, digits, '_' or '-'", e.getMessage());
    }

    @Test
    void cancelEventNeedsAReason() {
        var e = assertThrows(FieldException.class, () -> new Event.FileCancel("bob", "a", null));
        assertEquals(ErrorCode.BAD_FIELD, e.code());
    }
}
