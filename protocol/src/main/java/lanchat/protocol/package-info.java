/**
 * The LanChat wire protocol: frames, messages and their codec. Knows nothing of sockets' owners; the server and
 * the client both build on it.
 *
 * <pre>
 * One frame on the wire:
 *
 * +--------+--------+--------+--------+-----------------------------------------+
 * |          length N (uint32, big-endian)  |  N bytes of UTF-8 JSON: one object  |
 * +--------+--------+--------+--------+-----------------------------------------+
 *   1 &lt;= N &lt;= maxFrameBytes (65,536 by default)     {"type":"say","room":"lobby",...}
 * </pre>
 *
 * <ul>
 *   <li>{@link lanchat.protocol.FrameReader}: recv buffering, reassembling frames from partial reads.</li>
 *   <li>{@link lanchat.protocol.FrameWriter}: sendall framing, one whole frame per write.</li>
 *   <li>{@link lanchat.protocol.MessageCodec}: JSON body to {@link lanchat.protocol.Command} or
 *       {@link lanchat.protocol.Event} records and back.</li>
 *   <li>{@link lanchat.protocol.ErrorCode}: every error code, and which ones close the connection.</li>
 * </ul>
 */
package lanchat.protocol;
