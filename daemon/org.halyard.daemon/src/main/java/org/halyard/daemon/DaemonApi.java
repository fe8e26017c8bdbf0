package org.halyard.daemon;

import org.halyard.api.ApiException;
import org.halyard.api.ApiHandler;
import org.halyard.api.ErrorCode;
import org.halyard.api.Request;

/** What the daemon answers on its API socket. */
final class DaemonApi implements ApiHandler {

    private final Daemon daemon;

    DaemonApi(Daemon daemon) {
        this.daemon = daemon;
    }

    @Override
    public Object handle(Request request) {
        return switch (request.op()) {
            case "status" -> daemon.status();
            default -> throw new ApiException(ErrorCode.BAD_REQUEST, "unknown operation \"" + request.op()
                    + "\" (this daemon answers: status)");
        };
    }
}
