package org.halyard.api;

/** Answers requests; a thrown {@link ApiException} becomes an error reply with its code. */
@FunctionalInterface
public interface ApiHandler {
    Object handle(Request request);
}
