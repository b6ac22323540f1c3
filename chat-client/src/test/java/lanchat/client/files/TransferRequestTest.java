package lanchat.client.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TransferRequestTest {

    @Test
    void sendTakesANickAndTheRestOfTheLineAsThePath() {
        assertEquals(new TransferRequest.Send("bob", "My Documents/report 2026.pdf"),
                TransferRequest.parse("/send", "bob My Documents/report 2026.pdf "));
        assertEquals(new TransferRequest.Mistake("usage: /send NICK PATH"), TransferRequest.parse("/send", "bob"));
        assertEquals(new TransferRequest.Mistake("'9bob' is not a valid nick: 1-20 ASCII letters, digits, '_' or '-', "
                + "starting with a letter"), TransferRequest.parse("/send", "9bob x"));
    }

    @Test
    void acceptTakesAnIdAndMaybeAFolder() {
        assertEquals(new TransferRequest.Accept("k3f9q2", null), TransferRequest.parse("/accept", "k3f9q2"));
        assertEquals(new TransferRequest.Accept("k3f9q2", "~/In Box"), TransferRequest.parse("/accept",
                "k3f9q2 ~/In Box"));
        assertEquals(new TransferRequest.Mistake("usage: /accept ID [DIR]"), TransferRequest.parse("/accept", " "));
        assertEquals(new TransferRequest.Mistake("'../x' is not a transfer id — /transfers lists them"),
                TransferRequest.parse("/accept", "../x"));
    }

    @Test
    void rejectCancelAndTransfersTakeExactlyWhatTheyNeed() {
        assertEquals(new TransferRequest.Reject("k3f9q2"), TransferRequest.parse("/reject", "k3f9q2"));
        assertEquals(new TransferRequest.Cancel("k3f9q2"), TransferRequest.parse("/cancel", " k3f9q2 "));
        assertEquals(new TransferRequest.Mistake("usage: /cancel ID"), TransferRequest.parse("/cancel", "a b"));
        assertEquals(new TransferRequest.Mistake("usage: /reject ID"), TransferRequest.parse("/reject", ""));
        assertEquals(new TransferRequest.ListAll(), TransferRequest.parse("/transfers", ""));
        assertEquals(new TransferRequest.Mistake("usage: /transfers"), TransferRequest.parse("/transfers", "all"));
    }

    @Test
    void tildeIsTheHomeFolder() {
        FileFolders folders = new FileFolders(Path.of("/home/alice"), Path.of("/home/alice/Downloads/lanchat"));
        assertEquals(Path.of("/home/alice"), folders.resolve("~"));
        assertEquals(Path.of("/home/alice/notes/a.txt"), folders.resolve("~/notes/../notes/a.txt"));
        assertEquals(Path.of("/tmp/x"), folders.resolve("/tmp/x"));
        assertEquals(Path.of("").toAbsolutePath().resolve("rel"), folders.resolve("rel"));
        assertEquals(Path.of("/home/alice/Downloads/lanchat"), FileFolders.defaultDownloads(Path.of("/home/alice")));
    }
}
