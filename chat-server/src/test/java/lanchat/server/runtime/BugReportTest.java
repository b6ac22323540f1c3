package lanchat.server.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.SECONDS)
class BugReportTest {
    @Test
    void aHugeMessageWithControlsBecomesOneShortLine() {
        String line = BugReport.describe(new IllegalStateException("\u001b[2J" + "x".repeat(60_000) + "\n"));
        assertTrue(line.startsWith("IllegalStateException: ?[2Jxxx"), line);
        assertTrue(line.contains(" at BugReportTest.aHugeMessageWithControlsBecomesOneShortLine(BugReportTest.java:"),
                line);
        assertTrue(line.length() < 800, line.length() + " chars");
        assertTrue(line.chars().noneMatch(Character::isISOControl), line);
    }
}
