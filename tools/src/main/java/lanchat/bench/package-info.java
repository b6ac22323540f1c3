/**
 * {@code scripts/bench}: load scenarios against a LanChat server (fanout, capacity, slow), measured from the
 * outside. {@link lanchat.bench.Bench} is the entry point, on the main thread; each scenario starts its load
 * clients on threads of its own and ends them before it returns. A server it needs runs as a separate process
 * ({@link lanchat.bench.ServerProcess}) from the server's jar, so this package talks to it through the protocol
 * only. The load clients read and write frames with their own lean loops ({@link lanchat.bench.FrameInput},
 * {@link lanchat.bench.MessageScan}) so that the measuring side is never the bottleneck.
 */
package lanchat.bench;
