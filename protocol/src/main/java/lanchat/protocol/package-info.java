/**
 * The LanChat messages and their rules, shared by the server and the client: {@link lanchat.protocol.Command}
 * (client to server) and {@link lanchat.protocol.Event} (server to client) as sealed families of records, each
 * labelled with {@link lanchat.protocol.MessageType}; {@link lanchat.protocol.ErrorCode}, every error code and
 * which ones close the connection; {@link lanchat.protocol.FieldRules}, the limits and the rule of every field.
 *
 * <p>Records validate themselves in their compact constructors, so an invalid message cannot exist. Everything
 * here is immutable and can be used from any thread. Below it: {@code wire} (frames of bytes) and, beside it,
 * {@code json} (the codec) and {@code discovery} (UDP datagrams).
 */
package lanchat.protocol;
