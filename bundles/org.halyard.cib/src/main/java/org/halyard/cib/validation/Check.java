package org.halyard.cib.validation;

/** Which rule a {@link Problem} comes from, for filtering (e.g. in the client's problems view). */
public enum Check {
    /**
     * The document violates the RelaxNG schema its {@code validate-with} names, or cannot be
     * checked against one (unknown version, validation disabled, no schema directory).
     */
    SCHEMA,
    /** The CIB lacks a section Pacemaker requires. */
    MISSING_SECTION,
    /** Two configuration elements share an id. */
    DUPLICATE_ID,
    /** A reference (id-ref, template, role, tag member, fencing device) names nothing. */
    UNKNOWN_REFERENCE,
    /** A constraint names a resource, tag or template that does not exist. */
    UNKNOWN_RESOURCE,
    /** A location constraint names a node that does not exist. */
    UNKNOWN_NODE,
    /** A constraint that cannot mean anything, e.g. a resource colocated with itself. */
    IMPOSSIBLE_CONSTRAINT,
    /** A constraint lacks what it must name (resources, ticket, ...). */
    INCOMPLETE_CONSTRAINT,
    /** A group, clone or bundle whose members are not what Pacemaker accepts. */
    RESOURCE_STRUCTURE,
    /** A primitive without a usable agent definition. */
    RESOURCE_AGENT,
    /** Fencing is enabled but no fencing device is configured. */
    NO_FENCING_DEVICE
}
