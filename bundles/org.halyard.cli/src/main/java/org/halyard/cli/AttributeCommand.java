package org.halyard.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.halyard.api.ApiClient;
import org.halyard.api.ApiException;
import org.halyard.api.Request;

/**
 * {@code halyard attribute}: the part of Pacemaker's {@code crm_attribute} resource agents use,
 * so agents such as ocf:pacemaker:Stateful can set their promotion score ({@code --promotion
 * -v 10}, {@code --promotion -D}) and node attributes ({@code -N node -n name -v value -l
 * reboot}). Attributes live as long as the node's daemon runs (lifetime reboot).
 */
final class AttributeCommand {

    private AttributeCommand() {
    }

    static int run(List<String> arguments, PrintStream out, Map<String, String> environment) {
        List<String> args = LiveCluster.mutable(arguments);
        Path socket = LiveCluster.takeSocket(args, "halyard attribute");
        String name = null;
        String value = null;
        String node = null;
        String action = null;
        boolean quiet = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-p", "--promotion" -> name = promotionName(environment);
                case "-n", "--name" -> name = value(args, ++i, arg);
                case "-N", "--node" -> node = value(args, ++i, arg);
                case "-v", "--update" -> {
                    action = "set";
                    value = value(args, ++i, arg);
                }
                case "-D", "--delete" -> action = "delete";
                case "-G", "--query" -> action = "query";
                case "-q", "--quiet" -> quiet = true;
                case "-l", "--lifetime", "-t", "--type" -> {
                    String lifetime = value(args, ++i, arg);
                    if (!List.of("reboot", "status", "transient").contains(lifetime)) {
                        throw new Halyard.UsageException("halyard attribute: lifetime \"" + lifetime
                                + "\" is not supported: only node attributes that last until the node's daemon "
                                + "restarts (reboot) can be set here; permanent ones are configuration "
                                + "(halyard configure)");
                    }
                }
                default -> throw new Halyard.UsageException("halyard attribute: unknown argument \"" + arg + "\"");
            }
        }
        if (name == null || action == null) {
            throw new Halyard.UsageException("halyard attribute: usage: attribute (-n NAME | --promotion) "
                    + "(-v VALUE | -D | -G) [-N NODE] [-l reboot] [-q]");
        }
        try (ApiClient client = ApiClient.connect(socket)) {
            Request request = client.request("attribute").with("action", action).with("name", name);
            if (node != null) {
                request = request.with("node", node);
            }
            if (value != null) {
                request = request.with("value", value);
            }
            String answer = client.call(request).text();
            if (action.equals("query")) {
                out.println(quiet ? answer : "scope=status name=" + name + " value=" + answer);
            }
            return Halyard.OK;
        } catch (ApiException e) {
            out.println("halyard attribute: " + e.getMessage());
            return Halyard.FAILED;
        }
    }

    /** Pacemaker's promotion score attribute is named after the resource, without a clone instance number. */
    private static String promotionName(Map<String, String> environment) {
        String instance = environment.get("OCF_RESOURCE_INSTANCE");
        if (instance == null || instance.isBlank()) {
            throw new Halyard.UsageException("halyard attribute: --promotion is for resource agents: "
                    + "OCF_RESOURCE_INSTANCE is not set");
        }
        return "master-" + instance.replaceFirst(":[0-9]+$", "");
    }

    private static String value(List<String> args, int index, String option) {
        if (index >= args.size()) {
            throw new Halyard.UsageException("halyard attribute: " + option + " needs a value");
        }
        return args.get(index);
    }
}
