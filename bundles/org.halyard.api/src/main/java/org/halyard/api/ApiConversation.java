package org.halyard.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of one connection, over any pair of streams (a Unix socket, an SSH channel):
 * read a request, answer it, until the peer closes. A broken frame ends the conversation with a
 * PROTOCOL error reply, since nothing after it can be trusted.
 */
public final class ApiConversation {

    private static final Logger LOG = LoggerFactory.getLogger(ApiConversation.class);

    private ApiConversation() {
    }

    public static void serve(InputStream in, OutputStream out, ApiHandler handler) throws IOException {
        while (true) {
            byte[] frame;
            Request request;
            try {
                frame = Frames.read(in);
                if (frame == null) {
                    return;
                }
                request = ApiCodec.decode(frame, Request.class);
            } catch (ApiException e) {
                Frames.write(out, ApiCodec.encode(Reply.error("-", e.code(), e.getMessage())));
                return;
            } catch (EOFException e) {
                return;
            }
            Object result = handle(request, handler);
            if (result instanceof EventStream stream) {
                stream(request, stream, out);
                return; // a watch owns its connection until it ends
            }
            Frames.write(out, ApiCodec.encode(result));
        }
    }

    /** The handler's result, or the error reply it turned into. */
    private static Object handle(Request request, ApiHandler handler) {
        if (request.id() == null || request.op() == null) {
            return Reply.error(String.valueOf(request.id()), ErrorCode.BAD_REQUEST, "a request needs an id and an op");
        }
        try {
            Object result = handler.handle(request);
            if (result instanceof EventStream) {
                return result;
            }
            return result instanceof String text ? Reply.text(request.id(), text) : Reply.ok(request.id(), result);
        } catch (ApiException e) {
            return Reply.error(request.id(), e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("request {} failed", request.op(), e);
            return Reply.error(request.id(), ErrorCode.INTERNAL, request.op() + " failed: " + e);
        }
    }

    private static void stream(Request request, EventStream stream, OutputStream out) {
        try {
            stream.run(payload -> {
                try {
                    Frames.write(out, ApiCodec.encode(Reply.ok(request.id(), payload)));
                } catch (IOException e) {
                    throw new ApiException(ErrorCode.UNAVAILABLE, "watcher went away: " + e.getMessage(), e);
                }
            });
        } catch (ApiException e) {
            LOG.debug("{} stream ended: {}", request.op(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
