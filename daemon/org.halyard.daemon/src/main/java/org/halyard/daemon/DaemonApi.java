package org.halyard.daemon;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.halyard.agents.AgentException;
import org.halyard.agents.AgentType;
import org.halyard.api.ApiException;
import org.halyard.api.ApiHandler;
import org.halyard.api.ErrorCode;
import org.halyard.api.Request;
import org.halyard.cib.CibException;
import org.halyard.cib.CibVersion;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cib.validation.Check;
import org.halyard.cib.validation.CibValidator;
import org.halyard.cib.validation.Problem;
import org.halyard.cluster.replication.ReplicationException;

/** What the daemon answers on its API socket. */
final class DaemonApi implements ApiHandler {

    /** How long a change may take to go round the cluster before the admin is told to look. */
    static final Duration CHANGE_TIMEOUT = Duration.ofSeconds(15);
    /**
     * Problems that make a CIB unusable, as opposed to what crm_verify reports but Pacemaker
     * stores anyway (no fencing device yet, a constraint naming a node not yet added).
     */
    private static final Set<Check> REFUSED = EnumSet.of(Check.MISSING_SECTION, Check.DUPLICATE_ID,
            Check.UNKNOWN_REFERENCE, Check.UNKNOWN_RESOURCE, Check.IMPOSSIBLE_CONSTRAINT, Check.INCOMPLETE_CONSTRAINT,
            Check.RESOURCE_STRUCTURE);

    private final Daemon daemon;
    private final ClusterCommands commands;

    DaemonApi(Daemon daemon) {
        this.daemon = daemon;
        this.commands = new ClusterCommands(daemon);
    }

    @Override
    public Object handle(Request request) {
        return switch (request.op()) {
            case "status" -> daemon.status();
            case "cib-query" -> "all".equals(request.arg("scope").orElse("configuration"))
                    ? CibXml.toXml(daemon.schedulerInput()) : CibXml.toXml(daemon.replica().current());
            case "cib-replace" -> replace(request);
            case "watch" -> daemon.events().watch(request.arg("incarnation").orElse(null), since(request));
            case "resource" -> commands.resource(request);
            case "node" -> commands.node(request);
            case "agent-meta-data" -> metadata(request);
            case "attribute" -> attribute(request);
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "unknown operation \"" + request.op()
                    + "\" (this daemon answers: status, watch, cib-query, cib-replace, resource, node, "
                    + "agent-meta-data, attribute)");
        };
    }

    private static long since(Request request) {
        String since = request.arg("since").orElse("0");
        try {
            return Long.parseLong(since);
        } catch (NumberFormatException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "watch: since \"" + since + "\" is not an event number");
        }
    }

    /** A node's transient attribute (crm_attribute -l reboot): set, delete or query. */
    private String attribute(Request request) {
        String node = request.arg("node").orElse(daemon.localNode().name());
        ClusterCommands.findNode(daemon.replica().current(), node);
        String name = request.arg("name").orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                "attribute needs the attribute's name"));
        String action = request.arg("action").orElse("query");
        switch (action) {
            case "set" -> daemon.controller().setAttribute(node, name, request.arg("value").orElseThrow(
                    () -> new ApiException(ErrorCode.BAD_REQUEST, "attribute set needs a value")));
            case "delete" -> daemon.controller().setAttribute(node, name, null);
            case "query" -> {
                return daemon.controller().status().history(node).map(h -> h.attributes().get(name))
                        .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "node " + node
                                + " has no attribute \"" + name + "\""));
            }
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "unknown attribute action \"" + action
                    + "\" (set, delete, query)");
        }
        return "";
    }

    /** The agent's own meta-data XML, as the agent prints it. */
    private String metadata(Request request) {
        String spec = request.arg("agent").orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                "agent-meta-data needs the agent, e.g. agent=ocf:heartbeat:Dummy"));
        AgentType agent;
        try {
            agent = AgentType.parse(spec);
        } catch (AgentException | IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage(), e);
        }
        try {
            return daemon.agents().metadata(agent).toXml();
        } catch (AgentException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, e.getMessage(), e);
        }
    }

    /** A whole new CIB, accepted only on top of the version it was made from. */
    private String replace(Request request) {
        String base = request.arg("base").orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                "cib-replace needs the base version it was made from (arg base)"));
        String xml = request.data().orElseThrow(() -> new ApiException(ErrorCode.BAD_REQUEST,
                "cib-replace needs the new CIB as data"));
        Cib proposed;
        CibVersion baseVersion;
        try {
            baseVersion = CibVersion.parse(base);
            proposed = CibXml.parse(xml, "the new CIB");
        } catch (CibException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, e.getMessage(), e);
        }
        List<Problem> refused = CibValidator.validate(proposed).stream()
                .filter(p -> p.isError() && REFUSED.contains(p.check())).toList();
        if (!refused.isEmpty()) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "the new CIB is not valid: "
                    + String.join("; ", refused.stream().map(Problem::message).toList()));
        }
        try {
            CibVersion now = daemon.replica().replace(proposed, baseVersion, CHANGE_TIMEOUT);
            return "CIB " + baseVersion + " -> " + now;
        } catch (ReplicationException e) {
            ErrorCode code = switch (e.kind()) {
                case STALE -> ErrorCode.CONFLICT;
                case NO_QUORUM, TIMEOUT, NO_CIB -> ErrorCode.UNAVAILABLE;
            };
            throw new ApiException(code, e.getMessage(), e);
        }
    }
}
