/**
 * What server and client agree on about transport security: how a server key is named ({@link
 * lanchat.protocol.tls.Fingerprint}). The TLS itself lives in {@code lanchat.server.tls} and
 * {@code lanchat.client.tls}; nothing here does I/O or has threads.
 */
package lanchat.protocol.tls;
