package org.halyard.daemon;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.halyard.agents.AgentExecutor;
import org.halyard.agents.AgentPaths;
import org.halyard.api.ApiException;
import org.halyard.api.ApiServer;
import org.halyard.api.ErrorCode;
import org.halyard.api.StatusReport;
import org.halyard.cib.CibFileStore;
import org.halyard.cib.CibVersion;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.cluster.auth.Authkey;
import org.halyard.cluster.auth.AuthkeyException;
import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.ClusterConfigException;
import org.halyard.cluster.config.ClusterConfigReader;
import org.halyard.cluster.config.NodeEntry;
import org.halyard.cluster.config.Totem;
import org.halyard.cluster.membership.ClusterMembership;
import org.halyard.cluster.membership.Member;
import org.halyard.cluster.membership.MembershipException;
import org.halyard.cluster.membership.MembershipListener;
import org.halyard.cluster.membership.ViewChange;
import org.halyard.cluster.quorum.QuorumState;
import org.halyard.cluster.replication.CibReplica;
import org.halyard.cluster.replication.ReplicationException;
import org.halyard.daemon.control.Controller;
import org.halyard.daemon.events.EventHub;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node daemon's life: claim the state directory, run until told to stop, leave nothing behind.
 * Kept apart from the Equinox application glue so tests can run it in-process.
 */
public final class Daemon implements AutoCloseable {

    public static final String PID_FILE = "halyardd.pid";
    /** The API's Unix socket in the state directory; {@code halyard status --socket} points here. */
    public static final String API_SOCKET = "halyard.sock";
    private static final String LOCK_FILE = "halyardd.lock";
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /**
     * Agents run at the same time on this node, more wait their turn: Pacemaker's default
     * node-action-limit, twice the cores (at least 4, so a small node still starts a group while
     * monitors run).
     */
    private static final int AGENT_CONCURRENCY = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** How long a clean stop waits for the DC to move this node's resources away. */
    private static final Duration SHUTDOWN_PATIENCE = Duration.ofSeconds(60);
    private static final Duration RESTART_PATIENCE = Duration.ofSeconds(60);

    private final DaemonOptions options;
    private final ClusterConfig config;
    private final NodeEntry localNode;
    private final CibFileStore cibStore;
    private final CibStore.Initial initialCib;
    private final ClusterMembership membership;
    private CibReplica cib;
    private AgentExecutor agents;
    private EventHub events;
    private Controller controller;
    /** When this node last saw the configuration change (crm_mon's "Last change"), 0 if not since it started. */
    private volatile long lastChange;
    private ApiServer api;
    private SshApiServer ssh;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final CountDownLatch stopped = new CountDownLatch(1);

    private Daemon(DaemonOptions options, ClusterConfig config, NodeEntry localNode, CibFileStore cibStore,
            CibStore.Initial initialCib, ClusterMembership membership, FileChannel lockChannel, FileLock lock) {
        this.options = options;
        this.config = config;
        this.localNode = localNode;
        this.cibStore = cibStore;
        this.initialCib = initialCib;
        this.membership = membership;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Starts the daemon or throws {@link DaemonException} saying what the admin must fix. */
    public static Daemon start(DaemonOptions options) {
        Path clusterConf = options.clusterConf();
        if (!Files.exists(options.config())) {
            throw new DaemonException("config directory or file " + options.config() + " does not exist");
        }
        if (!Files.isReadable(clusterConf)) {
            throw new DaemonException(clusterConf + " is missing or unreadable: every node needs the cluster's "
                    + "corosync-style configuration (totem, nodelist, quorum)");
        }
        ClusterConfig config = readConfig(clusterConf);
        NodeEntry localNode = LocalNode.find(config, options.node(), clusterConf);
        Authkey authkey = requireAuthkey(authkeyPath(config, options));
        try {
            Files.createDirectories(options.stateDir());
        } catch (IOException e) {
            throw new DaemonException("cannot create state directory " + options.stateDir() + ": " + e.getMessage(), e);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(options.stateDir().resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new DaemonException("another halyardd (pid " + readPid(options.stateDir()) + ") already runs on "
                        + options.stateDir());
            }
            // only the lock holder may touch the CIB file
            CibFileStore cibStore = CibStore.open(options.stateDir());
            CibStore.Initial cib = CibStore.loadOrCreate(cibStore, config);
            ClusterMembership membership = new ClusterMembership(config, localNode, authkey);
            Daemon daemon = new Daemon(options, config, localNode, cibStore, cib, membership, channel, lock);
            daemon.writePidFile();
            daemon.join();
            DaemonLogging.apply(config.logging());
            int nodes = config.nodes().size();
            LOG.info("halyardd started: pid {}, node {} (nodeid {}) of cluster \"{}\" ({} node{}, token {} ms), "
                    + "config {}, state {}", ProcessHandle.current().pid(), localNode.name(), localNode.nodeid(),
                    config.totem().clusterName().orElse("(unnamed)"), nodes, nodes == 1 ? "" : "s",
                    config.totem().effectiveToken().toMillis(), options.clusterConf(), options.stateDir());
            return daemon;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new DaemonException("cannot lock " + options.stateDir().resolve(LOCK_FILE) + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    private static ClusterConfig readConfig(Path clusterConf) {
        try {
            ClusterConfig config = ClusterConfigReader.read(clusterConf);
            config.warnings().forEach(w -> LOG.warn("{}", w));
            return config;
        } catch (ClusterConfigException e) {
            throw new DaemonException(e.getMessage(), e);
        }
    }

    /** totem.keyfile when cluster.conf names one, else the authkey next to cluster.conf. */
    static Path authkeyPath(ClusterConfig config, DaemonOptions options) {
        Path keyfile = config.totem().keyfile();
        return keyfile.equals(Totem.DEFAULT_KEYFILE) ? options.configDir().resolve("authkey") : keyfile;
    }

    /** Refuses to start without a usable key: a missing, short or group/world-readable key is named. */
    private static Authkey requireAuthkey(Path keyfile) {
        if (!Files.exists(keyfile)) {
            throw new DaemonException(keyfile + " does not exist: create the cluster's key once with "
                    + "\"halyard keygen --file " + keyfile + "\" and copy it to every node (mode 0600)");
        }
        try {
            return Authkey.load(keyfile);
        } catch (AuthkeyException e) {
            throw new DaemonException(e.getMessage(), e);
        }
    }

    public DaemonOptions options() {
        return options;
    }

    public ClusterConfig config() {
        return config;
    }

    public NodeEntry localNode() {
        return localNode;
    }

    /** The CIB as this node holds it now. */
    public Cib cib() {
        return cib != null ? cib.current() : initialCib.cib();
    }

    /** Joins the cluster and opens the API socket; undone by {@link #close()} if anything fails. */
    private void join() {
        membership.addListener(new MembershipListener() {
            @Override
            public void viewChanged(ViewChange change) {
                LOG.info("membership: {}", change);
            }

            @Override
            public void quorumChanged(QuorumState previous, QuorumState current) {
                LOG.info("quorum: {}; DC: {}", current, membership.dc().map(Member::name).orElse("none"));
            }
        });
        try {
            // the replica and the controller must hear every message, so they exist before the node joins
            cib = initialCib.awaitsCopy()
                    ? CibReplica.awaitingPeerCopy(membership, cibStore, initialCib.cib(), localNode.name())
                    : new CibReplica(membership, cibStore, initialCib.cib(), localNode.name());
            agents = new AgentExecutor(agentPaths(), agentEnvironment(), AGENT_CONCURRENCY,
                    AgentExecutor.DEFAULT_KILL_GRACE);
            events = new EventHub(this::status);
            cib.addListener(changed -> lastChange = System.currentTimeMillis());
            cib.addLossListener(lost -> events.publish("cib", lost));
            AgentExecutor executor = agents;
            controller = new Controller(membership, cib, localNode, op -> executor.submit(op).join(), events::publish);
            membership.start();
            controller.joined();
            DaemonApi handler = new DaemonApi(this);
            api = ApiServer.start(options.stateDir().resolve(API_SOCKET), handler);
            if (options.sshPort().isPresent()) {
                ssh = SshApiServer.start(localNode.ring0Addr(), options.sshPort().get(), options.authorizedKeys().get(),
                        options.stateDir().resolve("ssh_host_ec_key"), handler);
            }
        } catch (MembershipException | ApiException e) {
            close();
            throw new DaemonException(e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            close(); // never leave a half-joined node behind holding ports
            throw e;
        }
    }

    private AgentPaths agentPaths() {
        return AgentPaths.defaults().withOcfRoot(options.ocfRoot()).withFenceDir(options.fenceAgents());
    }

    /**
     * What every agent finds in its environment: this daemon's socket and, when the installation
     * has it, Halyard's crm_attribute (agents call it through HA_SBIN_DIR to set promotion
     * scores); where several daemons share a machine, a runtime directory of its own.
     */
    private Map<String, String> agentEnvironment() {
        Map<String, String> environment = new java.util.HashMap<>();
        environment.put("HALYARD_SOCKET", options.stateDir().resolve(API_SOCKET).toString());
        installDir().filter(dir -> Files.isExecutable(dir.resolve("crm_attribute")))
                .ifPresent(dir -> environment.put("HA_SBIN_DIR", dir.toString()));
        if (options.runDir().isPresent()) {
            Path run = options.runDir().get();
            try {
                Files.createDirectories(run);
            } catch (IOException e) {
                throw new DaemonException("cannot create the agents' runtime directory " + run + ": "
                        + e.getMessage(), e);
            }
            environment.put("HA_RSCTMP", run.toString());
            environment.put("HA_VARRUN", run + "/");
        }
        return environment;
    }

    /** The product's top folder (the launcher's -install), where the start scripts are. */
    private static Optional<Path> installDir() {
        String area = System.getProperty("osgi.install.area");
        if (area == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(java.net.URI.create(area.replace(" ", "%20"))));
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * Changes the configuration: edits a copy of the current CIB and replaces it on top of the
     * version it came from; a concurrent change makes it read and edit again, once.
     */
    void change(String what, Consumer<Cib> edit) {
        for (int attempt = 1; ; attempt++) {
            Cib current = cib.current();
            Cib copy = CibXml.parse(CibXml.toXml(current), "the current CIB");
            edit.accept(copy);
            try {
                CibVersion now = cib.replace(copy, current.version(), DaemonApi.CHANGE_TIMEOUT);
                LOG.info("{}: CIB {} -> {}", what, current.version(), now);
                return;
            } catch (ReplicationException e) {
                if (e.kind() != ReplicationException.Kind.STALE || attempt == 2) {
                    throw new ApiException(e.kind() == ReplicationException.Kind.STALE ? ErrorCode.CONFLICT
                            : ErrorCode.UNAVAILABLE, what + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /** Waits until no instance of rsc (or of its members) is active on any node. */
    void awaitStopped(String rsc) {
        long deadline = System.nanoTime() + RESTART_PATIENCE.toNanos();
        while (runningOn(rsc).isPresent() || controller.transitionBusy()) {
            if (System.nanoTime() > deadline) {
                throw new ApiException(ErrorCode.UNAVAILABLE, rsc + " did not stop within "
                        + RESTART_PATIENCE.toSeconds() + " s (see 'halyard status'); it was left with target-role "
                        + "Stopped");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(ErrorCode.UNAVAILABLE, "interrupted while waiting for " + rsc + " to stop");
            }
        }
    }

    /** A node where rsc, or one of its members, is active. */
    Optional<String> runningOn(String rsc) {
        return StatusReports.activeNodes(controller.status(), cib.current(), rsc).stream().findFirst();
    }

    /** The CIB with the status section as this node holds it: what the scheduler works on. */
    Cib schedulerInput() {
        return controller.status().schedulerInput(cib.current(), membership.currentView(), membership.quorum().quorate(),
                membership.currentView().coordinator().map(Member::name).orElse(null));
    }

    Controller controller() {
        return controller;
    }

    EventHub events() {
        return events;
    }

    AgentExecutor agents() {
        return agents;
    }

    /** The port of the embedded SSH server, if it runs. */
    public java.util.OptionalInt sshPort() {
        return ssh == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(ssh.port());
    }

    /** The crm_mon picture as this node sees it now. */
    StatusReport status() {
        StatusReport report = StatusReports.build(config, localNode, membership.currentView(), membership.quorum(),
                membership.dc(), cib.current(), controller.status());
        report.transitionBusy = controller.transitionBusy();
        report.lastChange = lastChange;
        return report;
    }

    /** The cluster-wide CIB as this node holds it. */
    CibReplica replica() {
        return cib;
    }

    /** Blocks until {@link #close()} was called, or the timeout passed; true if stopped. */
    public boolean awaitStop(long timeout, TimeUnit unit) throws InterruptedException {
        return stopped.await(timeout, unit);
    }

    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    /** Stops the daemon; safe to call more than once and from a shutdown hook. */
    @Override
    public synchronized void close() {
        if (!isRunning()) {
            return;
        }
        try {
            if (controller != null) {
                controller.shutdown(SHUTDOWN_PATIENCE);
            }
            if (ssh != null) {
                ssh.close();
            }
            if (api != null) {
                api.close();
            }
            if (controller != null) {
                controller.close();
            }
            if (agents != null) {
                agents.close();
            }
            membership.close();
            if (cib != null) {
                cib.close();
            }
            Files.deleteIfExists(options.stateDir().resolve(PID_FILE));
            lock.release();
        } catch (IOException e) {
            LOG.warn("while releasing {}: {}", options.stateDir(), e.getMessage());
        } finally {
            closeQuietly(lockChannel);
            LOG.info("halyardd stopped");
            stopped.countDown();
        }
    }

    private void writePidFile() throws IOException {
        Path pid = options.stateDir().resolve(PID_FILE);
        Path tmp = options.stateDir().resolve(PID_FILE + ".tmp");
        Files.writeString(tmp, ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, pid, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Null when another process, or another daemon in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException sameJvm) {
            return null;
        }
    }

    private static String readPid(Path stateDir) {
        try {
            return Files.readString(stateDir.resolve(PID_FILE), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release: the lock dies with the channel
            }
        }
    }
}
