package org.halyard.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.halyard.api.ApiClient;
import org.halyard.api.ApiCodec;
import org.halyard.api.ApiException;
import org.halyard.api.StatusReport;

/** {@code halyard status [--xml] [--socket PATH]}: the crm_mon picture from the local daemon. */
final class StatusCommand {

    /** Where halyardd listens unless told otherwise: in its default state directory. */
    static final Path DEFAULT_SOCKET = Path.of("/var/lib/halyard/halyard.sock");

    private StatusCommand() {
    }

    static int run(List<String> args, PrintStream out) {
        boolean xml = false;
        Path socket = defaultSocket();
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--xml" -> xml = true;
                case "--socket" -> {
                    if (++i >= args.size()) {
                        throw new Halyard.UsageException("halyard status: --socket needs a path");
                    }
                    socket = Path.of(args.get(i));
                }
                default -> throw new Halyard.UsageException("halyard status: unknown argument \"" + args.get(i) + "\"");
            }
        }
        try (ApiClient client = ApiClient.connect(socket)) {
            StatusReport report = client.call(client.request("status")).payload(StatusReport.class);
            out.print(xml ? new String(ApiCodec.encode(report), StandardCharsets.UTF_8) + "\n" : StatusText.render(report));
            return Halyard.OK;
        } catch (ApiException e) {
            out.println("halyard status: " + e.getMessage());
            return Halyard.FAILED;
        }
    }

    static Path defaultSocket() {
        String env = System.getenv("HALYARD_SOCKET");
        return env == null || env.isBlank() ? DEFAULT_SOCKET : Path.of(env);
    }
}
