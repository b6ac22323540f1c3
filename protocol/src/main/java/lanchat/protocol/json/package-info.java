/**
 * The one JSON codec: frame bodies to {@link lanchat.protocol.Command}/{@link lanchat.protocol.Event} records and
 * back, through one strict Gson. {@link lanchat.protocol.json.MessageCodec} is the entry point;
 * {@link lanchat.protocol.json.MessageTypes} maps each {@code "type"} label to its record, read from the records'
 * annotations; {@link lanchat.protocol.json.MessageAdapter} writes and reads one record on Gson's streaming API.
 *
 * <p>Called on a connection's reader thread (decoding what arrived) and on whichever thread builds an event
 * (encoding it once per broadcast). Stateless apart from Gson's adapter cache; thread-safe.
 */
package lanchat.protocol.json;
