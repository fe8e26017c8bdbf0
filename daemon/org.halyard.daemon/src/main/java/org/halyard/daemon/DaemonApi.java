package org.halyard.daemon;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

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

    DaemonApi(Daemon daemon) {
        this.daemon = daemon;
    }

    @Override
    public Object handle(Request request) {
        return switch (request.op()) {
            case "status" -> daemon.status();
            case "cib-query" -> CibXml.toXml(daemon.replica().current());
            case "cib-replace" -> replace(request);
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "unknown operation \"" + request.op()
                    + "\" (this daemon answers: status, cib-query, cib-replace)");
        };
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
                case NO_QUORUM, TIMEOUT -> ErrorCode.UNAVAILABLE;
            };
            throw new ApiException(code, e.getMessage(), e);
        }
    }
}
