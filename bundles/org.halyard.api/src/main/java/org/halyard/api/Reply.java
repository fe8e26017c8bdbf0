package org.halyard.api;

import java.util.Optional;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * {@code <reply id="7" code="0">payload</reply>}: the answer to the request with the same id.
 * A known payload ({@link StatusReport}) arrives typed, anything else as a DOM element.
 */
@XmlRootElement(name = "reply")
@XmlAccessorType(XmlAccessType.FIELD)
public final class Reply {

    @XmlAttribute(required = true)
    private String id;
    @XmlAttribute(required = true)
    private int code;
    @XmlElement
    private String message;
    @XmlAnyElement(lax = true)
    private Object payload;

    Reply() {
    }

    private Reply(String id, ErrorCode code, String message, Object payload) {
        this.id = id;
        this.code = code.number();
        this.message = message;
        this.payload = payload;
    }

    public static Reply ok(String id, Object payload) {
        return new Reply(id, ErrorCode.OK, null, payload);
    }

    /** A reply whose payload is a document as text (a CIB), or a one-line result message. */
    public static Reply text(String id, String text) {
        Reply reply = new Reply(id, ErrorCode.OK, null, null);
        reply.message = text;
        return reply;
    }

    public static Reply error(String id, ErrorCode code, String message) {
        return new Reply(id, code, message, null);
    }

    public String id() {
        return id;
    }

    public ErrorCode code() {
        return ErrorCode.of(code);
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public Optional<Object> payload() {
        return Optional.ofNullable(payload);
    }

    /** The text result of a successful request, or the daemon's error as an exception. */
    public String text() {
        if (code() != ErrorCode.OK) {
            throw new ApiException(code(), message().orElse(code().name()));
        }
        return message().orElse("");
    }

    /** The payload as the type the caller expects, or the daemon's error as an exception. */
    public <T> T payload(Class<T> type) {
        if (code() != ErrorCode.OK) {
            throw new ApiException(code(), message().orElse(code().name()));
        }
        if (!type.isInstance(payload)) {
            throw new ApiException(ErrorCode.PROTOCOL, "reply " + id + " carries "
                    + (payload == null ? "no payload" : payload.getClass().getSimpleName()) + ", expected "
                    + type.getSimpleName());
        }
        return type.cast(payload);
    }
}
