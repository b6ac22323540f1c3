package lanchat.server.runtime;

import java.util.Arrays;
import java.util.stream.Collectors;
import lanchat.protocol.Excerpt;

/**
 * One log line about an unexpected {@code Throwable} on a session's thread: its class, the start of its message
 * and where it was thrown, for example
 * {@code IllegalArgumentException: frame length 70000 exceeds… at Frames.encode(Frames.java:33) < …}.
 * A full stack trace is some 5 KB, and its message may quote what a peer sent: a peer that can trigger the bug
 * over and over could otherwise fill the disk with text of its choosing. Thread-safe; every method is static.
 */
public final class BugReport {
    private static final int MESSAGE_CODE_POINTS = 160;
    private static final int FRAMES = 4;

    private BugReport() {
    }

    /** The throwable in one bounded, printable line. */
    public static String describe(Throwable thrown) {
        String message = thrown.getMessage() == null ? ""
                : ": " + Excerpt.of(thrown.getMessage(), MESSAGE_CODE_POINTS);
        String where = Arrays.stream(thrown.getStackTrace()).limit(FRAMES)
                .map(frame -> shortClassName(frame.getClassName()) + "." + frame.getMethodName() + "("
                        + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                .collect(Collectors.joining(" < "));
        return thrown.getClass().getSimpleName() + message + (where.isEmpty() ? "" : " at " + where);
    }

    private static String shortClassName(String name) {
        return name.substring(name.lastIndexOf('.') + 1);
    }
}
