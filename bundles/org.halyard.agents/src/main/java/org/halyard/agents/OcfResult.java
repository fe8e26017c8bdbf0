package org.halyard.agents;

/** An agent's answer, as defined by the OCF resource agent API (and Pacemaker's extensions 190/191). */
public enum OcfResult {
    OK(0),
    ERR_GENERIC(1),
    ERR_ARGS(2),
    UNIMPLEMENT_FEATURE(3),
    ERR_PERM(4),
    ERR_INSTALLED(5),
    ERR_CONFIGURED(6),
    NOT_RUNNING(7),
    RUNNING_PROMOTED(8),
    FAILED_PROMOTED(9),
    DEGRADED(190),
    DEGRADED_PROMOTED(191);

    private final int code;

    OcfResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The result for an exit code; codes the OCF API does not define are generic errors, as Pacemaker treats them. */
    public static OcfResult fromCode(int code) {
        for (OcfResult result : values()) {
            if (result.code == code) {
                return result;
            }
        }
        return ERR_GENERIC;
    }

    /** True for the answers that say the resource is active (in any role, degraded or not). */
    public boolean isRunning() {
        return this == OK || this == RUNNING_PROMOTED || this == DEGRADED || this == DEGRADED_PROMOTED;
    }

    @Override
    public String toString() {
        return name() + "(" + code + ")";
    }
}
