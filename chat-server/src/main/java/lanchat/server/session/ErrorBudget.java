package lanchat.server.session;

import lanchat.protocol.ErrorCode;

/**
 * How many errors one client may cause ({@code --max-errors} within a minute), and which error ends its session:
 * a code that closes the connection does at once; any other costs one unit of the budget, and the error that finds
 * the budget spent becomes {@code too_many_errors}, which ends it too. Reader thread only, like every reject.
 */
final class ErrorBudget {
    private final int maxErrors;
    private RateLimiter budget; // made at the first error: most sessions never need it

    ErrorBudget(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    /** Why answering with {@code code} ends the session, or null when the error is only sent. */
    Disconnect ending(ErrorCode code, String message, String ref) {
        if (code.closesConnection()) {
            return Disconnect.error(code, message, ref);
        }
        if (budget == null) {
            budget = new RateLimiter(maxErrors / 60.0, maxErrors);
        }
        if (!budget.tryAcquire()) {
            return Disconnect.error(ErrorCode.TOO_MANY_ERRORS, "more than " + maxErrors
                    + " errors within a minute (the last: " + code.wire() + "); closing the connection", ref);
        }
        return null;
    }
}
