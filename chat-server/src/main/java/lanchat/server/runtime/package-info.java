/**
 * What every thread of the server stands on, and nothing about chat: {@link lanchat.server.runtime.ThreadKind}
 * (virtual or platform threads, named), the {@link lanchat.server.runtime.Scheduler} ({@code timer} thread for
 * deadlines and hand-offs), {@link lanchat.server.runtime.LastResort} (what a thread did not expect: logged, and an
 * {@code Error} stops the server), {@link lanchat.server.runtime.BugReport} and
 * {@link lanchat.server.runtime.LogThrottle} (bounded log lines about what peers cause).
 *
 * <p>Every other server package may use it; it uses only the JDK. All of it is thread-safe.
 */
package lanchat.server.runtime;
