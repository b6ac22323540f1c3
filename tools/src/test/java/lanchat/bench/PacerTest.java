package lanchat.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PacerTest {

    @Test
    void messagesAreDueEvenlyAtTheTotalRate() {
        assertEquals(1_000, Pacer.dueNanos(1_000, 5_000, 0));
        assertEquals(1_000 + 200_000, Pacer.dueNanos(1_000, 5_000, 1));
        assertEquals(1_000 + 1_000_000_000L, Pacer.dueNanos(1_000, 5_000, 5_000));
    }

    @Test
    void theScheduleDoesNotDriftOverAMillionMessages() {
        assertEquals(333_333_333_333_333L, Pacer.dueNanos(0, 3, 1_000_000), 1);
    }
}
