package org.halyard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code halyard api}: joins stdin/stdout to the local daemon's socket, byte for byte, so that
 * OpenSSH can serve the protocol as a subsystem ({@code Subsystem halyard /path/to/halyard api}
 * in sshd_config): SSH authenticates, the daemon authorizes.
 */
final class ApiBridgeCommand {

    private ApiBridgeCommand() {
    }

    static int run(List<String> arguments, InputStream in, OutputStream out, PrintStream err) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard api");
        if (!args.isEmpty()) {
            throw new Halyard.UsageException("halyard api: unknown argument \"" + args.get(0) + "\"");
        }
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            OutputStream toDaemon = Channels.newOutputStream(channel);
            Thread upstream = Thread.ofPlatform().daemon().name("halyard-api-up").start(() -> {
                try {
                    in.transferTo(toDaemon);
                    channel.shutdownOutput();
                } catch (IOException e) {
                    // the daemon side closed: the downstream copy ends too
                }
            });
            Channels.newInputStream(channel).transferTo(out);
            out.flush();
            upstream.join(1000);
            return Halyard.OK;
        } catch (IOException e) {
            err.println("halyard api: cannot reach halyardd at " + socket + " (" + e.getMessage() + ")");
            return Halyard.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Halyard.FAILED;
        }
    }
}
