package org.halyard.api;

import java.util.function.Consumer;

/**
 * A handler's answer that is not one reply but many: the conversation sends each emitted payload
 * as a reply with the request's id, until the stream returns or the peer goes away (then
 * {@code emit} throws {@link ApiException} with code UNAVAILABLE, ending the stream).
 */
@FunctionalInterface
public interface EventStream {
    void run(Consumer<Object> emit) throws InterruptedException;
}
