/**
 * Finding servers on the LAN with UDP datagrams ({@link lanchat.protocol.discovery.Discovery}): the query a client
 * broadcasts and the reply a server sends back. Pure functions, called on the server's discovery thread and the
 * client's finder; thread-safe.
 */
package lanchat.protocol.discovery;
