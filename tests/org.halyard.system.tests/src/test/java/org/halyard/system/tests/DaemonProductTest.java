package org.halyard.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon product as an admin runs it: start from a config directory, stop with SIGTERM. */
class DaemonProductTest {

    private static final int SIGTERM_EXIT = 128 + 15;

    @TempDir
    Path dir;

    /** A one-node cluster on loopback, its key made by the product's own {@code halyard keygen}. */
    private Path config() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("cluster.conf"), """
                totem {
                    version: 2
                    cluster_name: system-test
                }
                nodelist {
                    node {
                        ring0_addr: 127.0.0.1
                        name: node1
                        nodeid: 1
                    }
                }
                """);
        Process keygen = new ProcessBuilder(DaemonProcess.HOME.resolve("halyard").toString(), "keygen", "--file",
                config.resolve("authkey").toString()).redirectErrorStream(true).start();
        String printed = new String(keygen.getInputStream().readAllBytes());
        assertEquals(0, keygen.waitFor(), printed);
        return config;
    }

    @Test
    void startsFromConfigDirectoryAndStopsCleanlyOnSigterm() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(config(), dir.resolve("state"))) {
            daemon.awaitLog("halyardd started: pid " + daemon.pid() + ", node node1 (nodeid 1) of cluster \"system-test\"",
                    Duration.ofSeconds(60));
            Path pidFile = daemon.stateDir.resolve("halyardd.pid");
            assertEquals(String.valueOf(daemon.pid()), Files.readString(pidFile).strip());
            assertTrue(daemon.output().contains("halyardd started"), "the log goes to stderr too:\n" + daemon.output());

            daemon.terminate();
            assertEquals(SIGTERM_EXIT, daemon.awaitExit(Duration.ofSeconds(15)));
            String log = daemon.log();
            assertTrue(log.strip().endsWith("halyardd stopped"), "last log line says it stopped:\n" + log);
            assertFalse(Files.exists(pidFile), "pid file removed");
        }
    }

    @Test
    void refusesToStartWithoutClusterConf() throws Exception {
        Path emptyConfig = Files.createDirectories(dir.resolve("empty"));
        try (DaemonProcess daemon = DaemonProcess.start(emptyConfig, dir.resolve("state"))) {
            assertEquals(1, daemon.awaitExit(Duration.ofSeconds(60)), daemon.output());
            assertTrue(daemon.output().contains("halyardd cannot start: " + emptyConfig.resolve("cluster.conf")
                    + " is missing or unreadable"), daemon.output());
        }
    }

    @Test
    void unknownOptionIsAUsageError() throws Exception {
        try (DaemonProcess daemon = DaemonProcess.start(config(), dir.resolve("state"), "--frobnicate")) {
            assertEquals(2, daemon.awaitExit(Duration.ofSeconds(60)), daemon.output());
            assertTrue(daemon.output().contains("halyardd: unknown argument \"--frobnicate\"\nusage: halyardd"),
                    daemon.output());
        }
    }
}
