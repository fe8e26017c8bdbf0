package org.halyard.agents;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a node keeps its agents and the programs used to run them.
 *
 * @param ocfRoot           {@code OCF_ROOT}: agents live in {@code <ocfRoot>/resource.d/<provider>/<type>}
 * @param lsbDir            LSB init scripts
 * @param fenceDir          fence agents ({@code fence_*})
 * @param systemctl         systemd's command line client
 * @param systemdRuntimeDir exists only while systemd is the running init system
 * @param setsid            util-linux {@code setsid}, which gives every agent a process group of its own
 */
public record AgentPaths(Path ocfRoot, Path lsbDir, Path fenceDir, Path systemctl, Path systemdRuntimeDir,
        Path setsid) {

    public AgentPaths {
        Objects.requireNonNull(ocfRoot, "ocfRoot");
        Objects.requireNonNull(lsbDir, "lsbDir");
        Objects.requireNonNull(fenceDir, "fenceDir");
        Objects.requireNonNull(systemctl, "systemctl");
        Objects.requireNonNull(systemdRuntimeDir, "systemdRuntimeDir");
        Objects.requireNonNull(setsid, "setsid");
    }

    /** The locations on Debian, Ubuntu, RHEL and SUSE. */
    public static AgentPaths defaults() {
        return new AgentPaths(Path.of("/usr/lib/ocf"), Path.of("/etc/init.d"), Path.of("/usr/sbin"),
                Path.of("/usr/bin/systemctl"), Path.of("/run/systemd/system"), Path.of("/usr/bin/setsid"));
    }

    public AgentPaths withOcfRoot(Path dir) {
        return new AgentPaths(dir, lsbDir, fenceDir, systemctl, systemdRuntimeDir, setsid);
    }

    public AgentPaths withLsbDir(Path dir) {
        return new AgentPaths(ocfRoot, dir, fenceDir, systemctl, systemdRuntimeDir, setsid);
    }

    public AgentPaths withFenceDir(Path dir) {
        return new AgentPaths(ocfRoot, lsbDir, dir, systemctl, systemdRuntimeDir, setsid);
    }

    public AgentPaths withSystemd(Path systemctlPath, Path runtimeDir) {
        return new AgentPaths(ocfRoot, lsbDir, fenceDir, systemctlPath, runtimeDir, setsid);
    }
}
