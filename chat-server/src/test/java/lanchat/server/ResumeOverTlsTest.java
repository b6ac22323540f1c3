package lanchat.server;

import java.io.IOException;

/** Every test of {@link ResumeTest}, with server and clients speaking TLS. */
class ResumeOverTlsTest extends ResumeTest {
    @Override
    LiveServer startServer(String... options) throws IOException {
        return LiveServer.startTls(options);
    }
}
