package org.halyard.daemon.control;

import org.halyard.agents.OcfResult;

/** Results in the words crm_mon uses ("ok", "not running", "Timed Out"). */
public final class OcfNames {

    private OcfNames() {
    }

    public static String describe(int rc, int opStatus) {
        return switch (opStatus) {
            case OperationRecord.TIMED_OUT -> "Timed Out";
            case OperationRecord.NOT_INSTALLED -> "not installed";
            case OperationRecord.DONE -> rcText(rc);
            default -> "error (" + rcText(rc) + ")";
        };
    }

    public static String rcText(int rc) {
        return switch (OcfResult.fromCode(rc)) {
            case OK -> "ok";
            case ERR_GENERIC -> "error";
            case ERR_ARGS -> "invalid parameter";
            case UNIMPLEMENT_FEATURE -> "unimplemented feature";
            case ERR_PERM -> "insufficient privileges";
            case ERR_INSTALLED -> "not installed";
            case ERR_CONFIGURED -> "not configured";
            case NOT_RUNNING -> "not running";
            case RUNNING_PROMOTED -> "promoted";
            case FAILED_PROMOTED -> "promoted (failed)";
            default -> "rc " + rc;
        };
    }
}
