/**
 * Frames: bytes only, no JSON. The socket lessons live here: recv buffering ({@link
 * lanchat.protocol.wire.FrameReader}) and sendall framing ({@link lanchat.protocol.wire.FrameWriter}).
 *
 * <pre>
 * One frame on the wire:
 *
 * +--------+--------+--------+--------+-----------------------------------------+
 * |          length N (uint32, big-endian)  |  N bytes of body                    |
 * +--------+--------+--------+--------+-----------------------------------------+
 *   1 &lt;= N &lt;= maxFrameBytes (65,536 by default)     the body is UTF-8 JSON: see lanchat.protocol.json
 * </pre>
 *
 * <p>Called by whatever owns a socket: the server's and the client's connection reader thread reads frames (one
 * thread per reader), one writer thread per stream writes them. The codec is called above, never from here.
 */
package lanchat.protocol.wire;
