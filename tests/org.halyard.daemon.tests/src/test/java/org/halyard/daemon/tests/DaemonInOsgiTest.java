package org.halyard.daemon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.halyard.daemon.Daemon;
import org.halyard.daemon.DaemonException;
import org.halyard.daemon.DaemonOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.slf4j.LoggerFactory;

class DaemonInOsgiTest {

    @TempDir
    Path dir;

    private DaemonOptions options() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve(Daemon.CLUSTER_CONF), "totem {\n  version: 2\n  cluster_name: test\n}\n");
        return DaemonOptions.parse(List.of("--config", config.toString(), "--state", dir.resolve("state").toString()));
    }

    @Test
    void daemonBundleIsActiveInEquinoxAndLogsThroughLogback() {
        Bundle bundle = FrameworkUtil.getBundle(Daemon.class);
        assertEquals("org.halyard.daemon", bundle.getSymbolicName());
        assertEquals(Bundle.ACTIVE, bundle.getState(), "daemon bundle state");
        // the ServiceLoader mediator must have handed slf4j its logback provider, as in the product
        assertEquals("ch.qos.logback.classic.LoggerContext", LoggerFactory.getILoggerFactory().getClass().getName());
    }

    @Test
    void startsWritesPidFileAndStopsCleanly() throws Exception {
        DaemonOptions options = options();
        Path pidFile = options.stateDir().resolve(Daemon.PID_FILE);
        try (Daemon daemon = Daemon.start(options)) {
            assertTrue(daemon.isRunning());
            assertEquals(String.valueOf(ProcessHandle.current().pid()), Files.readString(pidFile).strip());
            assertFalse(daemon.awaitStop(10, TimeUnit.MILLISECONDS), "must run until closed");
            daemon.close();
            assertTrue(daemon.awaitStop(1, TimeUnit.SECONDS));
            assertFalse(Files.exists(pidFile), "pid file removed on stop");
        }
    }

    @Test
    void secondDaemonOnSameStateDirectoryIsRefused() throws Exception {
        DaemonOptions options = options();
        try (Daemon first = Daemon.start(options)) {
            DaemonException e = assertThrows(DaemonException.class, () -> Daemon.start(options));
            assertEquals("another halyardd (pid " + ProcessHandle.current().pid() + ") already runs on "
                    + options.stateDir(), e.getMessage());
            assertTrue(first.isRunning(), "the refused start must not disturb the running daemon");
        }
    }

    @Test
    void missingClusterConfIsNamed() throws Exception {
        Path config = Files.createDirectories(dir.resolve("empty-config"));
        DaemonOptions options = DaemonOptions.parse(List.of("--config", config.toString(), "--state", dir.resolve("s").toString()));
        DaemonException e = assertThrows(DaemonException.class, () -> Daemon.start(options));
        assertTrue(e.getMessage().startsWith(config.resolve("cluster.conf") + " is missing or unreadable"), e.getMessage());
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        var e = assertThrows(DaemonOptions.UsageException.class, () -> DaemonOptions.parse(List.of("--config")));
        assertTrue(e.getMessage().startsWith("halyardd: --config needs a directory\nusage: halyardd"), e.getMessage());
        e = assertThrows(DaemonOptions.UsageException.class, () -> DaemonOptions.parse(List.of("--bogus")));
        assertTrue(e.getMessage().startsWith("halyardd: unknown argument \"--bogus\""), e.getMessage());
    }
}
