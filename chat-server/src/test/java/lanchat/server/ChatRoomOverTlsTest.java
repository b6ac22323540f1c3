package lanchat.server;

import java.io.IOException;

/** Every test of {@link ChatRoomTest}, with server and clients speaking TLS. */
class ChatRoomOverTlsTest extends ChatRoomTest {
    @Override
    LiveServer startServer(String... options) throws IOException {
        return LiveServer.startTls(options);
    }
}
