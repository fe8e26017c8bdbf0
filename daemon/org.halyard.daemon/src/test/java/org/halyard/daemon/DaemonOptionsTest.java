package org.halyard.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonOptionsTest {

    @TempDir
    Path dir;

    @Test
    void aConfigDirectoryHoldsClusterConfAndTheAuthkey() {
        DaemonOptions options = DaemonOptions.parse(List.of("--config", dir.toString()));
        assertEquals(dir.resolve("cluster.conf"), options.clusterConf());
        assertEquals(dir, options.configDir());
    }

    @Test
    void aConfigFileIsReadAsItIsAndItsDirectoryHoldsTheAuthkey() throws Exception {
        Path corosync = Files.writeString(dir.resolve("corosync.conf"), "totem {\n}\n");
        DaemonOptions options = DaemonOptions.parse(List.of("--config", corosync.toString()));
        assertEquals(corosync, options.clusterConf());
        assertEquals(dir, options.configDir());
    }

    @Test
    void theDefaultIsEtcHalyard() {
        DaemonOptions options = DaemonOptions.parse(List.of());
        assertEquals(Path.of("/etc/halyard/cluster.conf"), options.clusterConf());
    }

    @Test
    void anAuthorizedKeysFileTurnsTheSshServerOnAtPort2222() {
        assertEquals(java.util.Optional.empty(), DaemonOptions.parse(List.of()).sshPort(), "off by default");
        DaemonOptions options = DaemonOptions.parse(List.of("--authorized-keys", dir.resolve("keys").toString()));
        assertEquals(java.util.Optional.of(2222), options.sshPort());
        assertEquals(java.util.Optional.of(2022), DaemonOptions.parse(List.of("--authorized-keys",
                dir.resolve("keys").toString(), "--ssh-port", "2022")).sshPort());
    }
}
