package org.halyard.cluster.config;

import static java.util.Map.entry;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.halyard.cluster.config.LoggingConfig.Debug;
import org.halyard.cluster.config.LoggingConfig.Subsys;
import org.halyard.cluster.config.LoggingConfig.Timestamp;

/** Reads {@code logging { }}, including its {@code logger_subsys { }} entries. */
final class LoggingReader {

    private static final Set<String> FACILITIES = Set.of("daemon", "local0", "local1", "local2", "local3",
            "local4", "local5", "local6", "local7");

    private static final String LAYOUT = "Halyard's log layout is fixed";
    private static final String PRIORITY = "Halyard logs at info, or more with debug";

    private static final Map<String, String> IGNORED = Map.ofEntries(
            entry("fileline", LAYOUT), entry("function_name", LAYOUT),
            entry("blackbox", "Halyard keeps no blackbox"),
            entry("logfile_priority", PRIORITY), entry("syslog_priority", PRIORITY));

    private static final String PER_SUBSYS = "per-subsystem settings other than debug are not supported;"
            + " the logging section's apply";

    private static final Map<String, String> IGNORED_IN_SUBSYS = Map.ofEntries(
            entry("to_stderr", PER_SUBSYS), entry("to_logfile", PER_SUBSYS), entry("to_syslog", PER_SUBSYS),
            entry("logfile", PER_SUBSYS), entry("syslog_facility", PER_SUBSYS), entry("timestamp", PER_SUBSYS),
            entry("logfile_priority", PER_SUBSYS), entry("syslog_priority", PER_SUBSYS),
            entry("fileline", PER_SUBSYS), entry("function_name", PER_SUBSYS),
            entry("tags", "removed in corosync 2"));

    private LoggingReader() {
    }

    /**
     * @param logging the logging section, or null when the file has none
     * @return the settings, or empty when they are unusable (errors were reported)
     */
    static Optional<LoggingConfig> read(ConfSection logging, Diagnostics diagnostics) {
        if (logging == null) {
            return Optional.of(LoggingConfig.DEFAULT);
        }
        SectionReader r = new SectionReader(logging, "logging", diagnostics);
        LoggingConfig d = LoggingConfig.DEFAULT;
        boolean toStderr = r.bool("to_stderr", d.toStderr());
        Optional<ConfKey> toLogfileKey = r.key("to_logfile");
        boolean toLogfile = r.bool("to_logfile", d.toLogfile());
        Optional<Path> logfile = r.key("logfile").flatMap(k -> path(r, k));
        boolean toSyslog = r.bool("to_syslog", d.toSyslog());
        String facility = r.key("syslog_facility").map(k -> facility(r, k)).orElse(d.syslogFacility());
        Debug debug = r.choice("debug", d.debug(), Debug.class);
        Timestamp timestamp = r.choice("timestamp", d.timestamp(), Timestamp.class);
        r.ignoreAll(IGNORED);
        List<Subsys> subsystems = new ArrayList<>();
        for (ConfSection s : r.sections("logger_subsys")) {
            readSubsys(s, debug, diagnostics).ifPresent(subsystems::add);
        }
        for (ConfSection s : r.sections("logging_daemon")) {
            diagnostics.warning(s.position(), "logging.logging_daemon: ignored: per-daemon logging of corosync"
                    + " services; Halyard has no such services");
        }
        r.finish();
        if (toLogfile && logfile.isEmpty()) {
            if (!r.has("logfile")) {
                r.error(toLogfileKey.orElseThrow(), "logging.to_logfile: yes needs logging.logfile,"
                        + " the path of the log file");
            }
            return Optional.empty();
        }
        return Optional.of(new LoggingConfig(toStderr, toLogfile, logfile, toSyslog, facility, debug, timestamp,
                subsystems));
    }

    private static Optional<Subsys> readSubsys(ConfSection section, Debug inherited, Diagnostics diagnostics) {
        SectionReader r = new SectionReader(section, "logging.logger_subsys", diagnostics);
        Optional<ConfKey> name = r.key("subsys");
        Debug debug = r.choice("debug", inherited, Debug.class);
        r.ignoreAll(IGNORED_IN_SUBSYS);
        r.finish();
        if (name.isEmpty() || name.get().value().isEmpty()) {
            diagnostics.error(section.position(), "logging.logger_subsys: missing subsys (the subsystem's name)");
            return Optional.empty();
        }
        return Optional.of(new Subsys(name.get().value(), debug));
    }

    private static Optional<Path> path(SectionReader r, ConfKey key) {
        try {
            if (!key.value().isEmpty()) {
                return Optional.of(Path.of(key.value()));
            }
            r.error(key, "logging.logfile: missing value");
        } catch (InvalidPathException e) {
            r.error(key, "logging.logfile: '" + key.value() + "' is not a valid path");
        }
        return Optional.empty();
    }

    private static String facility(SectionReader r, ConfKey key) {
        if (!FACILITIES.contains(key.value())) {
            r.error(key, "logging.syslog_facility: '" + key.value() + "' is not one of daemon, local0 .. local7");
            return LoggingConfig.DEFAULT.syslogFacility();
        }
        return key.value();
    }
}
