package org.halyard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.halyard.api.ApiClient;
import org.halyard.api.ApiException;
import org.halyard.cib.CibException;
import org.halyard.cib.CibVersion;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;

/**
 * Commands on the running cluster, through the local daemon's socket. A change is always made
 * on the CIB as read, and sent with the version it was read at: if someone changed the cluster
 * in between, the daemon refuses it and says so, instead of one change silently undoing another.
 */
final class LiveCluster {

    /** Where halyardd listens unless told otherwise: in its default state directory. */
    static final Path DEFAULT_SOCKET = Path.of("/var/lib/halyard/halyard.sock");

    private LiveCluster() {
    }

    /** Takes {@code --socket PATH} out of the arguments; else $HALYARD_SOCKET, else the default. */
    static Path takeSocket(List<String> args, String command) {
        int at = args.indexOf("--socket");
        if (at < 0) {
            String env = System.getenv("HALYARD_SOCKET");
            return env == null || env.isBlank() ? DEFAULT_SOCKET : Path.of(env);
        }
        if (at + 1 >= args.size()) {
            throw new Halyard.UsageException(command + ": --socket needs a path");
        }
        Path socket = Path.of(args.get(at + 1));
        args.remove(at + 1);
        args.remove(at);
        return socket;
    }

    static List<String> mutable(List<String> args) {
        return new ArrayList<>(args);
    }

    static Cib fetch(ApiClient client) {
        return CibXml.parse(client.call(client.request("cib-query")).text(), "the cluster's CIB");
    }

    /** Sends one request the daemon answers with a line of text; prints it, or the daemon's refusal. */
    static int command(Path socket, PrintStream out, String command, java.util.function.Function<ApiClient,
            org.halyard.api.Request> request) {
        try (ApiClient client = ApiClient.connect(socket)) {
            out.println(client.call(request.apply(client)).text());
            return Halyard.OK;
        } catch (ApiException e) {
            out.println(command + ": " + e.getMessage());
            return Halyard.FAILED;
        }
    }

    /** Reads the CIB, lets {@code edit} change it, sends it back; prints what happened. */
    static int change(Path socket, PrintStream out, String command, Consumer<Cib> edit) {
        try (ApiClient client = ApiClient.connect(socket)) {
            Cib cib = fetch(client);
            CibVersion base = cib.version();
            edit.accept(cib);
            String result = client.call(client.request("cib-replace").with("base", base.toString())
                    .withData(CibXml.toXml(cib))).text();
            out.println(command + ": done (" + result + ")");
            return Halyard.OK;
        } catch (ApiException | CibException e) {
            out.println(command + ": " + e.getMessage());
            return Halyard.FAILED;
        } catch (IllegalArgumentException e) {
            // what the edit refused (an unknown node, a bad name) is named in the message
            out.println(command + ": " + e.getMessage());
            return Halyard.FAILED;
        }
    }
}
