package org.halyard.agents;

/** Whether an agent ran to completion: only {@link #DONE} results carry an agent's own answer. */
public enum ExecStatus {
    /** The agent exited by itself; its exit code is the answer. */
    DONE,
    /** The agent did not finish within the operation's timeout; its process group was killed. */
    TIMEOUT,
    /** The agent (script, unit or service manager) does not exist on this node. */
    NOT_INSTALLED,
    /** The agent could not be executed (not executable, invalid operation, I/O failure). */
    ERROR,
    /** The operation was cancelled (executor closed or thread interrupted) and its process group killed. */
    CANCELLED
}
