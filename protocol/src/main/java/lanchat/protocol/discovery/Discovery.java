package lanchat.protocol.discovery;

import com.google.gson.JsonParseException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import lanchat.protocol.FieldRules;
import lanchat.protocol.json.MessageCodec;

/**
 * The UDP datagrams that find LanChat servers on a LAN (PROTOCOL.md, "Discovery"): the tutorial's
 * {@code sendto}/{@code recvfrom}, with no connection and no framing, since a datagram arrives whole or not at all.
 *
 * <pre>
 * query (client -> server's UDP port, usually broadcast):   "LANCHAT?1" + zero padding
 * reply (server -> the query's source address and port):    "LANCHAT!1" + UTF-8 JSON {"name","port","protocol","users"[,"fingerprint"]}
 * </pre>
 *
 * <p>The length of the query is the largest reply its sender accepts: a server never answers with more bytes
 * than it was sent, so nobody can use it to amplify traffic towards a forged source address.
 * Pure functions; thread-safe.
 */
public final class Discovery {
    /** What every query starts with: "LANCHAT?" and the protocol version. */
    public static final byte[] QUERY_MAGIC = "LANCHAT?1".getBytes(StandardCharsets.US_ASCII);
    /** What every reply starts with: "LANCHAT!" and the protocol version. */
    public static final byte[] REPLY_MAGIC = "LANCHAT!1".getBytes(StandardCharsets.US_ASCII);
    /** The query size clients send: room for any reply a server makes. */
    public static final int QUERY_BYTES = 512;
    /** The longest server name a reply carries; longer names are cut. */
    public static final int MAX_NAME_CHARS = 64;

    private Discovery() {
    }

    /**
     * What a server says about itself in a reply. {@code fingerprint} is the server's TLS key
     * ({@link lanchat.protocol.tls.Fingerprint}), null for a {@code --plain} server: a hint for the person
     * choosing a server, never a reason to trust it, since anyone on the LAN can answer a broadcast.
     */
    public record ServerInfo(String name, int port, int protocol, int users, String fingerprint) {
        public ServerInfo {
            FieldRules.requirePresent("name", name);
            if (name.length() > MAX_NAME_CHARS) {
                name = name.substring(0, MAX_NAME_CHARS);
            }
        }

        /** A server without TLS (no fingerprint). */
        public ServerInfo(String name, int port, int protocol, int users) {
            this(name, port, protocol, users, null);
        }
    }

    /** A query of {@code bytes} bytes: the magic, then zeros. */
    public static byte[] query(int bytes) {
        if (bytes < QUERY_MAGIC.length) {
            throw new IllegalArgumentException("query bytes < " + QUERY_MAGIC.length + ": " + bytes);
        }
        return Arrays.copyOf(QUERY_MAGIC, bytes);
    }

    /**
     * The reply to a received datagram, or empty when it is not a well-formed query or the reply would be
     * larger than the query (no amplification).
     */
    public static Optional<byte[]> replyTo(byte[] datagram, int length, ServerInfo info) {
        if (!startsWith(datagram, length, QUERY_MAGIC)) {
            return Optional.empty();
        }
        byte[] reply = reply(info);
        return reply.length <= length ? Optional.of(reply) : Optional.empty();
    }

    /** The reply datagram for {@code info}. */
    public static byte[] reply(ServerInfo info) {
        byte[] json = MessageCodec.gson().toJson(info).getBytes(StandardCharsets.UTF_8);
        byte[] reply = Arrays.copyOf(REPLY_MAGIC, REPLY_MAGIC.length + json.length);
        System.arraycopy(json, 0, reply, REPLY_MAGIC.length, json.length);
        return reply;
    }

    /** Parses a reply datagram; empty when it is not one. */
    public static Optional<ServerInfo> parseReply(byte[] datagram, int length) {
        if (!startsWith(datagram, length, REPLY_MAGIC)) {
            return Optional.empty();
        }
        String json = new String(datagram, REPLY_MAGIC.length, length - REPLY_MAGIC.length, StandardCharsets.UTF_8);
        try {
            ServerInfo info = MessageCodec.gson().fromJson(json, ServerInfo.class);
            return info == null || info.port() < 1 || info.port() > 65_535 ? Optional.empty() : Optional.of(info);
        } catch (JsonParseException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            // Gson wraps a failing record constructor (a missing name) in a plain RuntimeException.
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] datagram, int length, byte[] magic) {
        return length >= magic.length && length <= datagram.length
                && Arrays.equals(datagram, 0, magic.length, magic, 0, magic.length);
    }
}
