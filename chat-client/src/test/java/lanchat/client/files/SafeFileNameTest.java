package lanchat.client.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import lanchat.protocol.FieldRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SafeFileNameTest {
    @TempDir
    Path folder;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "../../etc/passwd | passwd",
        "a/b | b",
        "a\\b | b",
        "C:\\Windows\\system32\\cmd.exe | cmd.exe",
        "dir/ | dir",
        ".. | file",
        ". | file",
        "../.. | file",
        "/ | file",
        "\"   \" | file",
        "... | file",
        ".bashrc | bashrc",
        "\" report.pdf. \" | report.pdf",
        "con | _con",
        "NUL.txt | _NUL.txt",
        "com1 | _com1",
        "console.log | console.log",
        "report 2026.pdf | report 2026.pdf",
        "café ☕.txt | café ☕.txt",
    })
    void hostileAndOddNamesBecomeOnePlainName(String suggested, String expected) {
        assertEquals(expected, SafeFileName.of(suggested));
    }

    @Test
    void controlCharactersAreDroppedAndADeviceNameLeftBehindIsDefused() {
        assertEquals("_con", SafeFileName.of("con\u0007"));
        assertEquals("e[2Jvil.txt", SafeFileName.of("e\u001b[2Jv\u0000il\r\n.txt"));
        assertEquals("what__now___x___.txt", SafeFileName.of("what?<now>:\"x\"|*.txt"));
        assertEquals("txt.exe", SafeFileName.of("\u202Etxt.exe"));
        assertEquals("file", SafeFileName.of("\u0007\u0008"));
        assertEquals("file", SafeFileName.of(""));
        assertEquals("file", SafeFileName.of(null));
    }

    @Test
    void invisibleFormatCharactersAreDropped() {
        assertEquals("txt.exe", SafeFileName.of("\u200Etxt\u200F.\u061Cexe"));
        assertEquals("report.pdf", SafeFileName.of("\u2066re\u202Apo\u202Crt\u2069.pdf"));
        assertEquals("invoice.pdf", SafeFileName.of("\u200Bin\u200Cvo\u200Dice\u2060.\uFEFFpdf"));
        assertEquals("soft.txt", SafeFileName.of("so\u00ADft" + Character.toString(0xE0041) + ".txt"));
        assertEquals("file", SafeFileName.of("\u200B\uFEFF"));
    }

    @Test
    void longNameIsCutInTheStemKeepingTheExtension() {
        String name = SafeFileName.of("a".repeat(296) + ".txt");
        assertEquals("a".repeat(196) + ".txt", name);
        assertEquals(SafeFileName.MAX_NAME_BYTES, name.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void longNameIsCutOnCodePointsWithinTheByteLimit() {
        String name = SafeFileName.of("😀".repeat(300));
        assertEquals("😀".repeat(50), name);
        assertEquals(200, name.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void longExtensionIsCutWithTheRest() {
        String name = SafeFileName.of("x." + "y".repeat(298));
        assertEquals(200, name.length());
        assertTrue(name.startsWith("x.yyy"), name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "a/b", "..", ".", "con\u0007", "   ", "\u0000", "x/../../y"})
    void everySafeNameIsValidOnTheWireAndStaysInTheFolder(String suggested) {
        String name = SafeFileName.of(suggested);
        assertEquals(null, FieldRules.fileNameProblem(name));
        assertFalse(name.contains("/") || name.contains("\\") || name.equals("..") || name.equals("."), name);
        assertEquals(folder, folder.resolve(name).normalize().getParent());
    }

    @Test
    void numberedNamesGoBeforeTheExtension() {
        assertEquals("report.pdf", SafeFileName.numbered("report.pdf", 0));
        assertEquals("report (1).pdf", SafeFileName.numbered("report.pdf", 1));
        assertEquals("archive.tar (12).gz", SafeFileName.numbered("archive.tar.gz", 12));
        assertEquals("README (2)", SafeFileName.numbered("README", 2));
    }

    @Test
    void placeNeverOverwrites() throws IOException {
        Files.writeString(folder.resolve("report.pdf"), "mine");
        Files.writeString(folder.resolve("report (1).pdf"), "mine too");
        Path incoming = Files.writeString(folder.resolve(".lanchat-1.part"), "theirs");

        Path placed = SafeFileName.place(incoming, folder, "report.pdf");

        assertEquals(folder.resolve("report (2).pdf"), placed);
        assertEquals("theirs", Files.readString(placed));
        assertEquals("mine", Files.readString(folder.resolve("report.pdf")));
        assertEquals("mine too", Files.readString(folder.resolve("report (1).pdf")));
        assertEquals(List.of("report (1).pdf", "report (2).pdf", "report.pdf"), names(folder));
    }

    @Test
    void placeDoesNotFollowASymlinkWithTheSameName() throws IOException {
        Path elsewhere = Files.writeString(Files.createTempFile("outside", ".txt"), "keep");
        try {
            Files.createSymbolicLink(folder.resolve("notes.txt"), elsewhere);
            Path incoming = Files.writeString(folder.resolve(".lanchat-2.part"), "theirs");
            assertEquals(folder.resolve("notes (1).txt"), SafeFileName.place(incoming, folder, "notes.txt"));
            assertEquals("keep", Files.readString(elsewhere));
        } finally {
            Files.delete(elsewhere);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
