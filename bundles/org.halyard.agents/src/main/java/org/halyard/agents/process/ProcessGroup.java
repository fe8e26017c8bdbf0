package org.halyard.agents.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The processes of one process group, read from {@code /proc}. Agents run in a session of their own, so the
 * group holds the agent and everything it started that did not move to another group; on a timeout every
 * member is signalled. Zombies count as gone: they hold no resources and are their parent's (or init's) to reap.
 */
public final class ProcessGroup {

    private static final Path PROC = Path.of("/proc");

    private final long pgid;

    public ProcessGroup(long pgid) {
        if (pgid <= 1) {
            throw new IllegalArgumentException("refusing to handle process group " + pgid);
        }
        this.pgid = pgid;
    }

    public long id() {
        return pgid;
    }

    /** The pids of the group's members that have not exited (zombies excluded). */
    public List<Long> liveMembers() {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(PROC, ProcessGroup::isPidDirectory)) {
            for (Path entry : entries) {
                long pid = Long.parseLong(entry.getFileName().toString());
                stat(pid).filter(stat -> stat.pgrp() == pgid && !stat.isZombie()).ifPresent(stat -> members.add(pid));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list processes in " + PROC + ": " + e.getMessage(), e);
        }
        return members;
    }

    public boolean isEmpty() {
        return liveMembers().isEmpty();
    }

    /**
     * Sends SIGTERM ({@code force == false}) or SIGKILL to every live member. Never signals this JVM: if the group
     * were the JVM's own (the agent had not yet left it), nothing is sent.
     *
     * @return the number of processes signalled
     */
    public int signal(boolean force) {
        long self = ProcessHandle.current().pid();
        if (stat(self).map(stat -> stat.pgrp() == pgid).orElse(false)) {
            return 0;
        }
        int signalled = 0;
        for (long pid : liveMembers()) {
            if (pid == self) {
                continue;
            }
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && (force ? handle.get().destroyForcibly() : handle.get().destroy())) {
                signalled++;
            }
        }
        return signalled;
    }

    /** True if the process exists and is not a zombie. */
    public static boolean isAlive(long pid) {
        return stat(pid).map(stat -> !stat.isZombie()).orElse(false);
    }

    /** The process group of a live process, if it exists. */
    public static Optional<Long> groupOf(long pid) {
        return stat(pid).filter(stat -> !stat.isZombie()).map(ProcStat::pgrp);
    }

    private static boolean isPidDirectory(Path entry) {
        String name = entry.getFileName().toString();
        return !name.isEmpty() && name.chars().allMatch(Character::isDigit);
    }

    private record ProcStat(char state, long pgrp) {
        boolean isZombie() {
            return state == 'Z' || state == 'X' || state == 'x';
        }
    }

    private static Optional<ProcStat> stat(long pid) {
        String line;
        try {
            line = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // the process exited between listing and reading (ESRCH shows up as a plain IOException)
            return Optional.empty();
        }
        // "pid (comm) state ppid pgrp ...": comm may contain spaces and parentheses, so parse after the last ')'
        int close = line.lastIndexOf(')');
        if (close < 0) {
            return Optional.empty();
        }
        String[] fields = line.substring(close + 1).trim().split(" ");
        if (fields.length < 3) {
            return Optional.empty();
        }
        return Optional.of(new ProcStat(fields[0].charAt(0), Long.parseLong(fields[2])));
    }
}
