package org.halyard.cluster.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code logging { }} section: where the daemon logs (stderr, a file, syslog) and how much.
 * {@code logger_subsys} entries keep corosync's subsystem names (QUORUM, TOTEM, ...) as written;
 * matching them to Halyard's components is the daemon's business. Per-subsystem destinations,
 * priorities and layout options ({@code fileline}, ...) are reported as ignored.
 *
 * @param toStderr       {@code to_stderr}, default yes
 * @param toLogfile      {@code to_logfile}, default no
 * @param logfile        {@code logfile}; required when {@code to_logfile} is yes
 * @param toSyslog       {@code to_syslog}, default yes
 * @param syslogFacility {@code syslog_facility}, default daemon
 * @param debug          {@code debug}, default off
 * @param timestamp      {@code timestamp}, default hires (millisecond precision)
 * @param subsystems     the {@code logger_subsys { subsys: ...; debug: ... }} entries
 */
public record LoggingConfig(
        boolean toStderr,
        boolean toLogfile,
        Optional<Path> logfile,
        boolean toSyslog,
        String syslogFacility,
        Debug debug,
        Timestamp timestamp,
        List<Subsys> subsystems) {

    /** corosync 3's defaults: syslog and stderr, no log file, no debug, millisecond timestamps. */
    public static final LoggingConfig DEFAULT = new LoggingConfig(true, false, Optional.empty(), true,
            "daemon", Debug.OFF, Timestamp.HIRES, List.of());

    public LoggingConfig {
        Objects.requireNonNull(logfile, "logfile");
        Objects.requireNonNull(syslogFacility, "syslogFacility");
        Objects.requireNonNull(debug, "debug");
        Objects.requireNonNull(timestamp, "timestamp");
        subsystems = List.copyOf(subsystems);
        if (toLogfile && logfile.isEmpty()) {
            throw new IllegalArgumentException("to_logfile without logfile");
        }
    }

    /** {@code debug}: off, on, or trace (the most detail). */
    public enum Debug {
        OFF, ON, TRACE
    }

    /** {@code timestamp}: none, seconds, or milliseconds. */
    public enum Timestamp {
        OFF, ON, HIRES
    }

    /**
     * A {@code logger_subsys} entry.
     *
     * @param subsys the subsystem name, as written
     * @param debug  its debug level
     */
    public record Subsys(String subsys, Debug debug) {
        public Subsys {
            Objects.requireNonNull(subsys, "subsys");
            Objects.requireNonNull(debug, "debug");
        }
    }
}
