package org.halyard.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Calls the daemon over any pair of streams: its Unix socket, or an SSH channel. */
public final class ApiClient implements AutoCloseable {

    private final InputStream in;
    private final OutputStream out;
    private final AutoCloseable connection;
    private final String peer;
    private final AtomicLong ids = new AtomicLong();

    public ApiClient(InputStream in, OutputStream out, AutoCloseable connection, String peer) {
        this.in = in;
        this.out = out;
        this.connection = connection;
        this.peer = peer;
    }

    /** Connects to a daemon's local socket; the message says what to check when nobody answers. */
    public static ApiClient connect(Path socket) {
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new ApiClient(Channels.newInputStream(channel), Channels.newOutputStream(channel), channel,
                    socket.toString());
        } catch (IOException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "cannot reach halyardd at " + socket + " (" + e.getMessage()
                    + "): is the daemon running on this node, and is this the right --socket?", e);
        }
    }

    public Request request(String op) {
        return new Request(String.valueOf(ids.incrementAndGet()), op);
    }

    /** Sends one request and waits for its reply; a lost connection is an UNAVAILABLE error. */
    public synchronized Reply call(Request request) {
        try {
            Frames.write(out, ApiCodec.encode(request));
            byte[] frame = Frames.read(in);
            if (frame == null) {
                throw new EOFException("closed");
            }
            Reply reply = ApiCodec.decode(frame, Reply.class);
            if (!request.id().equals(reply.id()) && reply.code() == ErrorCode.OK) {
                throw new ApiException(ErrorCode.PROTOCOL, "reply " + reply.id() + " to request " + request.id());
            }
            return reply;
        } catch (IOException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "connection to " + peer + " lost: " + e.getMessage(), e);
        }
    }

    /**
     * Sends a streaming request ({@code watch}) and hands each event to the consumer until the
     * daemon ends the stream, the connection is closed (by {@link #close()} from another thread)
     * or lost; a refusal or a lost connection is thrown as {@link ApiException}. Heartbeats are
     * passed on too, so a caller can tell a quiet cluster from a dead link.
     */
    public void watch(Request request, Consumer<ClusterEvent> events) {
        try {
            synchronized (this) {
                Frames.write(out, ApiCodec.encode(request));
            }
            while (true) {
                byte[] frame = Frames.read(in);
                if (frame == null) {
                    throw new EOFException("closed by the daemon");
                }
                Reply reply = ApiCodec.decode(frame, Reply.class);
                events.accept(reply.payload(ClusterEvent.class));
            }
        } catch (IOException e) {
            throw new ApiException(ErrorCode.UNAVAILABLE, "event stream from " + peer + " lost: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (Exception e) {
            // closing a dead connection: nothing left to release
        }
    }
}
