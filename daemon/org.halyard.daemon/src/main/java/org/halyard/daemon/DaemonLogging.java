package org.halyard.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.halyard.cluster.config.LoggingConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;

/** Sends the daemon's SLF4J logging to stderr and to a log file, as corosync's logging section does. */
final class DaemonLogging {

    private static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%thread] %logger{24}: %msg%n";

    private DaemonLogging() {
    }

    static void configure(Path logFile, boolean debug) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            throw new IllegalStateException("SLF4J is not bound to logback (found "
                    + LoggerFactory.getILoggerFactory().getClass().getName()
                    + "); the daemon product must contain ch.qos.logback.classic and org.apache.aries.spifly");
        }
        context.reset();
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(debug ? Level.DEBUG : Level.INFO);

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("stderr");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder(context));
        stderr.start();
        root.addAppender(stderr);

        FileAppender<ILoggingEvent> file = fileAppender(context, "file", logFile);
        root.addAppender(file);
    }

    /**
     * Applies cluster.conf's logging section: {@code debug}, {@code to_stderr: no}, and
     * {@code to_logfile} with {@code logfile} as a second file next to the state directory's log.
     * What is not applied is said once, so an admin's corosync.conf never silently means less.
     */
    static void apply(LoggingConfig logging) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        List<String> notApplied = new ArrayList<>();
        if (logging.toSyslog()) {
            notApplied.add("to_syslog (halyardd logs to stderr, which journald keeps under systemd, and to its state "
                    + "directory's halyardd.log)");
        }
        if (!logging.subsystems().isEmpty()) {
            notApplied.add("logger_subsys (debug applies to the whole daemon)");
        }
        if (!notApplied.isEmpty()) {
            LoggerFactory.getLogger(DaemonLogging.class).info("cluster.conf logging: not applied: {}",
                    String.join("; ", notApplied));
        }
        ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (logging.debug() != LoggingConfig.Debug.OFF) {
            root.setLevel(Level.DEBUG);
        }
        if (!logging.toStderr()) {
            root.detachAppender("stderr");
        }
        if (logging.toLogfile() && logging.logfile().isPresent() && root.getAppender("logfile") == null) {
            root.addAppender(fileAppender(context, "logfile", logging.logfile().get()));
        }
    }

    /** Flushes and closes the appenders; called last on shutdown so the final lines reach the file. */
    static void close() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            context.stop();
        }
    }

    private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, String name, Path logFile) {
        FileAppender<ILoggingEvent> file = new FileAppender<>();
        file.setContext(context);
        file.setName(name);
        file.setFile(logFile.toString());
        file.setAppend(true);
        file.setEncoder(encoder(context));
        file.start();
        if (!file.isStarted()) {
            throw new IllegalStateException("cannot open the log file " + logFile);
        }
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();
        return encoder;
    }
}
