package org.halyard.ssh;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * An OpenSSH-compatible agent (ssh-agent, gpg-agent, ...) reached over its Unix socket with the
 * JDK's own Unix-domain sockets. MINA's {@code agent.unix} client needs Tomcat's native APR
 * library; this one needs nothing native. MINA builds the agent messages, this class only carries
 * them: one length-prefixed request, one length-prefixed answer.
 */
final class UnixSocketAgent extends AbstractAgentProxy {

    /** Larger answers are garbage: even hundreds of identities fit easily. */
    private static final int MAX_ANSWER = 256 * 1024;

    private final Path socket;
    private final SocketChannel channel;

    UnixSocketAgent(Path socket) throws IOException {
        super(null); // requests are answered synchronously, no executor needed
        this.socket = socket;
        this.channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            channel.close();
            throw new IOException("cannot reach the SSH agent at " + socket + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected synchronized Buffer request(Buffer request) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(request.array(), request.rpos(), request.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = readFully(4);
        int size = length.getInt();
        if (size <= 0 || size > MAX_ANSWER) {
            throw new IOException("the SSH agent at " + socket + " sent an answer of " + size + " bytes");
        }
        return new ByteArrayBuffer(readFully(size).array());
    }

    private ByteBuffer readFully(int size) throws IOException {
        ByteBuffer in = ByteBuffer.allocate(size);
        while (in.hasRemaining()) {
            if (channel.read(in) < 0) {
                throw new EOFException("the SSH agent at " + socket + " closed the connection");
            }
        }
        return in.flip();
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            super.close();
        }
    }
}
