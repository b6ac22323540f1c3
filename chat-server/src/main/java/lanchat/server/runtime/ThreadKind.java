package lanchat.server.runtime;

/**
 * Which threads the server runs its connections on ({@code --threads}): one reader and one writer thread per
 * connection either way. Virtual threads are cheap enough for thousands of idle connections; platform threads
 * are there to compare with. Platform threads are daemons, so a stuck one never keeps the JVM alive.
 */
public enum ThreadKind {
    VIRTUAL,
    PLATFORM;

    /** Starts {@code task} on a new thread of this kind called {@code name}. */
    public Thread start(String name, Runnable task) {
        return switch (this) {
            case VIRTUAL -> Thread.ofVirtual().name(name).start(task);
            case PLATFORM -> Thread.ofPlatform().name(name).daemon(true).start(task);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
