package lanchat.client.net;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lanchat.protocol.discovery.Discovery;

/**
 * Finds LanChat servers with UDP discovery ({@code --discover}; PROTOCOL.md, "Discovery"): sends one query
 * datagram to each target address ({@code sendto}), then collects replies ({@code recvfrom}) until the wait is
 * over. Runs on the caller's thread; the UDP socket is closed before {@link #find} returns.
 */
public final class ServerFinder {

    /** A server that answered: where the reply came from, and what it said. */
    public record Found(InetAddress address, Discovery.ServerInfo info) {
        /** {@code 192.168.1.20:7777} or {@code [fe80::1]:7777}: where to connect. */
        public String hostAndPort() {
            String host = address.getHostAddress();
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + info.port();
        }
    }

    /**
     * The limited broadcast address, the broadcast address of every IPv4 interface that is up, and 127.0.0.1
     * (a broadcast does not reach a server on this very machine on every system).
     */
    public static List<InetAddress> lanTargets() throws IOException {
        Set<InetAddress> targets = new LinkedHashSet<>();
        targets.add(InetAddress.getByName("255.255.255.255"));
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (!nic.isUp()) {
                continue;
            }
            for (InterfaceAddress address : nic.getInterfaceAddresses()) {
                if (address.getAddress() instanceof Inet4Address && address.getBroadcast() != null) {
                    targets.add(address.getBroadcast());
                }
            }
        }
        targets.add(InetAddress.getLoopbackAddress());
        return List.copyOf(targets);
    }

    /** Queries every target on {@code udpPort} and returns the servers that answered within {@code wait}. */
    public List<Found> find(List<InetAddress> targets, int udpPort, Duration wait) throws IOException {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setBroadcast(true);
            byte[] query = Discovery.query(Discovery.QUERY_BYTES);
            for (InetAddress target : targets) {
                send(socket, new DatagramPacket(query, query.length, target, udpPort));
            }
            return collect(socket, System.nanoTime() + wait.toNanos());
        }
    }

    // One unreachable target (a down interface, a refused broadcast) must not stop the others.
    private static void send(DatagramSocket socket, DatagramPacket packet) {
        try {
            socket.send(packet);
        } catch (IOException e) {
            // Nothing to do: that target simply will not answer.
        }
    }

    private static List<Found> collect(DatagramSocket socket, long deadlineNanos) throws IOException {
        Map<String, Found> found = new LinkedHashMap<>();
        byte[] buffer = new byte[Discovery.QUERY_BYTES];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        while (true) {
            long leftMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (leftMillis <= 0) {
                return new ArrayList<>(found.values());
            }
            try {
                socket.setSoTimeout((int) leftMillis);
                reply.setLength(buffer.length);
                socket.receive(reply);
            } catch (SocketTimeoutException e) {
                return new ArrayList<>(found.values());
            }
            Optional<Discovery.ServerInfo> info = Discovery.parseReply(reply.getData(), reply.getLength());
            if (info.isPresent()) {
                Found server = new Found(reply.getAddress(), info.get());
                // The same server answers once per target that reached it: keep one entry per address and port.
                found.putIfAbsent(server.hostAndPort(), server);
            }
        }
    }
}
