package org.halyard.scheduler;

/** A CIB the scheduler cannot work with, with a message naming what and why. */
public class SchedulerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SchedulerException(String message) {
        super(message);
    }
}
