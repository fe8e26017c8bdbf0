package org.halyard.agents;

/**
 * The agents layer's error: an agent type that cannot be parsed, an operation that cannot be passed to an agent,
 * or meta-data that cannot be read. Failures of an agent run are not exceptions: they are {@link OperationResult}s.
 */
public class AgentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AgentException(String message) {
        super(message);
    }

    public AgentException(String message, Throwable cause) {
        super(message, cause);
    }
}
