package org.halyard.daemon.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.channel.ChannelSubsystem;
import org.apache.sshd.client.keyverifier.AcceptAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.halyard.api.ApiClient;
import org.halyard.api.ErrorCode;
import org.halyard.api.Reply;
import org.halyard.api.StatusReport;
import org.halyard.cib.CibFileStore;
import org.halyard.cib.CibVersion;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cluster.auth.Authkey;
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

    static final String CLUSTER_CONF = """
            totem {
                version: 2
                cluster_name: test
            }
            nodelist {
                node {
                    ring0_addr: 127.0.0.1
                    name: node1
                    nodeid: 1
                }
                node {
                    ring0_addr: 127.0.0.2
                    name: node2
                    nodeid: 2
                }
            }
            quorum {
                provider: corosync_votequorum
                two_node: 1
            }
            """;

    private Path config() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve(DaemonOptions.CLUSTER_CONF), CLUSTER_CONF);
        if (!Files.exists(config.resolve("authkey"))) {
            Authkey.generate().write(config.resolve("authkey"));
        }
        return config;
    }

    private DaemonOptions options(String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("--config", config().toString(), "--state",
                dir.resolve("state").toString(), "--node", "node1"));
        args.addAll(List.of(extra));
        return DaemonOptions.parse(args);
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
            assertEquals("node1", daemon.localNode().name());
            assertEquals(2, daemon.config().nodes().size());
            // JAXB binds the CIB inside OSGi, and the new CIB is on disk
            assertEquals("0.0.0", daemon.cib().version().toString());
            assertTrue(Files.readString(options.stateDir().resolve("cib.xml")).startsWith("<cib admin_epoch=\"0\""));
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
        DaemonOptions options = DaemonOptions.parse(List.of("--config", config.toString(), "--state",
                dir.resolve("s").toString()));
        DaemonException e = assertThrows(DaemonException.class, () -> Daemon.start(options));
        assertTrue(e.getMessage().startsWith(config.resolve("cluster.conf") + " is missing or unreadable"), e.getMessage());
    }

    @Test
    void damagedCibFallsBackToTheNewestIntactBackup() throws Exception {
        DaemonOptions options = options();
        CibFileStore store = new CibFileStore(options.stateDir(), 10);
        for (int epoch = 41; epoch <= 42; epoch++) {
            Cib cib = Cib.empty();
            cib.setVersion(new CibVersion(1, epoch, 0));
            store.save(cib);
        }
        Path current = options.stateDir().resolve("cib.xml");
        Files.writeString(current, Files.readString(current).substring(0, 40));
        try (Daemon daemon = Daemon.start(options)) {
            assertEquals("1.41.0", daemon.cib().version().toString(), "the newest intact backup is used");
        }
        assertEquals(new CibVersion(1, 41, 0), store.load().orElseThrow().cib().version(),
                "the recovered CIB is the current file again");
        try (var files = Files.list(options.stateDir())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("cib.xml.damaged-")),
                    "the damaged file is kept for inspection");
        }
    }

    @Test
    void withNoIntactCibItStartsWaitingForAPeersCopyAndRefusesChanges() throws Exception {
        DaemonOptions options = options();
        Files.createDirectories(options.stateDir());
        String damaged = "<cib admin_epoch=\"1\" epoch=\"42\">\n";
        Files.writeString(options.stateDir().resolve("cib.xml"), damaged);
        for (int start = 1; start <= 2; start++) {
            try (Daemon daemon = Daemon.start(options)) {
                assertTrue(daemon.isRunning());
                assertEquals(Optional.of("true"), daemon.cib().configuration().orElseThrow().crmConfig().orElseThrow()
                        .inPrecedenceOrder().get(0).value("maintenance-mode"), "the placeholder touches no resource");
                try (ApiClient api = ApiClient.connect(options.stateDir().resolve(Daemon.API_SOCKET))) {
                    Reply reply = api.call(api.request("cib-replace").with("base", daemon.cib().version().toString())
                            .withData(CibXml.toXml(daemon.cib())));
                    assertEquals(ErrorCode.UNAVAILABLE, reply.code(), "start " + start);
                    assertTrue(reply.message().orElseThrow().startsWith("this node had no intact CIB at its start and "
                            + "waits for a peer's copy"), reply.message().orElseThrow());
                    Reply stop = api.call(api.request("resource").with("action", "stop").with("rsc", "web"));
                    assertEquals(ErrorCode.UNAVAILABLE, stop.code(), "not \"no such resource\": the node cannot know");
                    assertEquals(reply.message(), stop.message());
                }
            }
            // the next start still waits: the damaged file was set aside, never replaced by a placeholder
            assertFalse(Files.exists(options.stateDir().resolve("cib.xml")), "the placeholder is not saved");
            try (var files = Files.list(options.stateDir())) {
                List<Path> aside = files.filter(f -> f.getFileName().toString().startsWith("cib.xml.damaged-")).toList();
                assertEquals(1, aside.size(), aside.toString());
                assertEquals(damaged, Files.readString(aside.get(0)), "set aside as it was, for inspection");
            }
        }
    }

    @Test
    void groupReadableAuthkeyIsRefused() throws Exception {
        Path config = config();
        Files.setPosixFilePermissions(config.resolve("authkey"), PosixFilePermissions.fromString("rw-r-----"));
        DaemonOptions options = options();
        DaemonException e = assertThrows(DaemonException.class, () -> Daemon.start(options));
        assertTrue(e.getMessage().contains(config.resolve("authkey") + " is readable by group (mode 0640); run chmod 600"),
                e.getMessage());
        assertFalse(Files.exists(options.stateDir().resolve(Daemon.PID_FILE)), "nothing started");
    }

    @Test
    void missingAuthkeySaysHowToMakeOne() throws Exception {
        DaemonOptions options = options();
        Path config = options.configDir();
        Files.delete(config.resolve("authkey"));
        DaemonException e = assertThrows(DaemonException.class, () -> Daemon.start(options));
        assertEquals(config.resolve("authkey") + " does not exist: create the cluster's key once with \"halyard keygen "
                + "--file " + config.resolve("authkey") + "\" and copy it to every node (mode 0600)", e.getMessage());
    }

    @Test
    void nodeNotInNodelistIsNamed() throws Exception {
        DaemonOptions options = DaemonOptions.parse(List.of("--config", config().toString(), "--state",
                dir.resolve("state").toString(), "--node", "node9"));
        DaemonException e = assertThrows(DaemonException.class, () -> Daemon.start(options));
        assertEquals("--node node9: no such node in the nodelist of " + config().resolve("cluster.conf")
                + " (it has node1, node2)", e.getMessage());
    }

    @Test
    void loopbackNodesAreAmbiguousWithoutNodeOption() throws Exception {
        DaemonOptions options = DaemonOptions.parse(List.of("--config", config().toString(), "--state",
                dir.resolve("state").toString()));
        DaemonException e = assertThrows(DaemonException.class, () -> Daemon.start(options));
        assertTrue(e.getMessage().startsWith("several nodes in " + config().resolve("cluster.conf")
                + " have a ring0_addr of this machine (node1, node2)"), e.getMessage());
    }

    @Test
    void theApiIsServedOverSshToAuthorizedKeysOnly() throws Exception {
        KeyPair admin = ecKeyPair();
        KeyPair stranger = ecKeyPair();
        Path authorizedKeys = Files.writeString(dir.resolve("authorized_keys"),
                PublicKeyEntry.toString(admin.getPublic()) + " admin@test\n");
        SshClient client = SshClient.setUpDefaultClient();
        // this test checks the server; strict host-key checking is the client's (org.halyard.ssh) job
        client.setServerKeyVerifier(AcceptAllServerKeyVerifier.INSTANCE);
        client.start();
        try (Daemon daemon = Daemon.start(options("--ssh-port", "0", "--authorized-keys", authorizedKeys.toString()))) {
            int port = daemon.sshPort().orElseThrow();
            try (ClientSession session = client.connect("admin", "127.0.0.1", port).verify(10_000).getSession()) {
                session.addPublicKeyIdentity(admin);
                session.auth().verify(10_000);
                ChannelSubsystem channel = session.createSubsystemChannel("halyard");
                channel.open().verify(10_000);
                try (ApiClient api = new ApiClient(channel.getInvertedOut(), channel.getInvertedIn(), channel, "ssh")) {
                    StatusReport report = api.call(api.request("status")).payload(StatusReport.class);
                    assertEquals("node1", report.reportedBy);
                    assertEquals("test", report.cluster);
                }
            }
            try (ClientSession session = client.connect("admin", "127.0.0.1", port).verify(10_000).getSession()) {
                session.addPublicKeyIdentity(stranger);
                assertThrows(Exception.class, () -> session.auth().verify(10_000), "an unknown key is refused");
            }
        } finally {
            client.stop();
        }
    }

    private static KeyPair ecKeyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    @Test
    void usageErrorsSayWhatIsWrong() {
        var e = assertThrows(DaemonOptions.UsageException.class, () -> DaemonOptions.parse(List.of("--config")));
        assertTrue(e.getMessage().startsWith("halyardd: --config needs a directory or a file\nusage: halyardd"), e.getMessage());
        e = assertThrows(DaemonOptions.UsageException.class,
                () -> DaemonOptions.parse(List.of("--ssh-port", "2222")));
        assertTrue(e.getMessage().startsWith("halyardd: --ssh-port needs --authorized-keys"), e.getMessage());
        e = assertThrows(DaemonOptions.UsageException.class, () -> DaemonOptions.parse(List.of("--bogus")));
        assertTrue(e.getMessage().startsWith("halyardd: unknown argument \"--bogus\""), e.getMessage());
    }
}
