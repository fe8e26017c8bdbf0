package org.halyard.scheduler.resource;

/** The kind of resource; the order matters for colocation sorting (clones before groups). */
public enum Variant {
    PRIMITIVE, GROUP, CLONE, BUNDLE
}
