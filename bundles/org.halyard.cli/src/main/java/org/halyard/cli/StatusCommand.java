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

    private StatusCommand() {
    }

    static int run(List<String> arguments, PrintStream out) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard status");
        boolean xml = false;
        for (String arg : args) {
            if (!arg.equals("--xml")) {
                throw new Halyard.UsageException("halyard status: unknown argument \"" + arg + "\"");
            }
            xml = true;
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
}
