package org.halyard.api;

/** Reply codes; the numbers are part of the protocol and never change meaning. */
public enum ErrorCode {
    OK(0),
    /** The request cannot be understood: unknown operation, missing or bad argument. */
    BAD_REQUEST(400),
    /** The user may not do this (CIB ACL roles). */
    FORBIDDEN(403),
    /** The named resource, node or object does not exist. */
    NOT_FOUND(404),
    /** The change was based on a CIB epoch that is no longer current. */
    CONFLICT(409),
    /** The peer speaks another protocol version or sent a broken frame. */
    PROTOCOL(426),
    /** Something failed inside the daemon; the message says what. */
    INTERNAL(500),
    /** The daemon cannot serve this now (e.g. no quorum for a change). */
    UNAVAILABLE(503);

    private final int number;

    ErrorCode(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static ErrorCode of(int number) {
        for (ErrorCode code : values()) {
            if (code.number == number) {
                return code;
            }
        }
        throw new ApiException(PROTOCOL, "unknown reply code " + number);
    }
}
