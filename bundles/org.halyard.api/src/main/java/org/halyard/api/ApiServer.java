package org.halyard.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves the protocol on a local Unix socket, one virtual thread per connection. */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final Path socket;
    private final ServerSocketChannel server;
    private final Thread acceptor;

    private ApiServer(Path socket, ServerSocketChannel server, ApiHandler handler) {
        this.socket = socket;
        this.server = server;
        this.acceptor = Thread.ofPlatform().daemon().name("halyard-api-accept").start(() -> acceptLoop(handler));
    }

    /**
     * Listens on the socket path (mode 0600: the CIB ACLs are enforced by the daemon, the socket
     * keeps everyone else out). A stale socket file left by a crashed daemon is replaced; a live
     * one is not.
     */
    public static ApiServer start(Path socket, ApiHandler handler) {
        try {
            Files.createDirectories(socket.toAbsolutePath().getParent());
            if (Files.exists(socket)) {
                if (answers(socket)) {
                    throw new ApiException(ErrorCode.UNAVAILABLE, "another daemon already serves " + socket);
                }
                Files.delete(socket);
            }
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            return new ApiServer(socket, server, handler);
        } catch (IOException e) {
            throw new ApiException(ErrorCode.INTERNAL, "cannot listen on " + socket + ": " + e.getMessage(), e);
        }
    }

    public Path socket() {
        return socket;
    }

    private static boolean answers(Path socket) {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            return probe.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private void acceptLoop(ApiHandler handler) {
        while (server.isOpen()) {
            try {
                SocketChannel connection = server.accept();
                Thread.ofVirtual().name("halyard-api-conn").start(() -> converse(connection, handler));
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.warn("accept on {} failed", socket, e);
                }
            }
        }
    }

    private static void converse(SocketChannel connection, ApiHandler handler) {
        try (connection; InputStream in = Channels.newInputStream(connection);
                OutputStream out = Channels.newOutputStream(connection)) {
            ApiConversation.serve(in, out, handler);
        } catch (IOException e) {
            LOG.debug("connection ended: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(2000);
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.warn("while closing {}", socket, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
