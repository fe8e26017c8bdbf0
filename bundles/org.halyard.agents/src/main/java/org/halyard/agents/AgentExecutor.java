package org.halyard.agents;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.halyard.agents.fence.FenceAgents;
import org.halyard.agents.lsb.LsbAgents;
import org.halyard.agents.metadata.AgentMetadata;
import org.halyard.agents.ocf.OcfAgents;
import org.halyard.agents.process.AgentProcess;
import org.halyard.agents.systemd.SystemdAgents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The executor: runs resource and fence agents of every standard and logs each result. {@link #execute} blocks;
 * {@link #submit} runs the operation on a bounded pool (Pacemaker limits concurrent agent runs too). Closing the
 * executor interrupts running operations, which kills their process groups and reports them
 * {@link ExecStatus#CANCELLED}.
 */
public final class AgentExecutor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AgentExecutor.class);

    /** Kept from the end of each of an agent's stdout and stderr. */
    public static final int OUTPUT_LIMIT = 256 * 1024;
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(5);

    private final OcfAgents ocf;
    private final LsbAgents lsb;
    private final SystemdAgents systemd;
    private final FenceAgents fence;
    private final ThreadPoolExecutor pool;

    /** An executor for {@code paths} with the JVM's environment and up to 4 concurrent operations. */
    public AgentExecutor(AgentPaths paths) {
        this(paths, Map.of(), 4, DEFAULT_KILL_GRACE);
    }

    /**
     * @param extraEnvironment added to the JVM's environment for every agent (e.g. {@code HA_RSCTMP}); variables
     *                         starting with {@code OCF_} are never inherited, so one operation's cannot leak
     * @param maxConcurrent    operations {@link #submit} runs at the same time; more wait in a queue
     * @param killGrace        how long a timed-out agent's process group gets between SIGTERM and SIGKILL
     */
    public AgentExecutor(AgentPaths paths, Map<String, String> extraEnvironment, int maxConcurrent,
            Duration killGrace) {
        Objects.requireNonNull(paths, "paths");
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
        }
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("OCF_"));
        // agents call ip, iptables, crm_attribute... which live in sbin; daemons may start with no PATH at all
        environment.putIfAbsent("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        environment.putAll(extraEnvironment);
        AgentProcess process = new AgentProcess(paths.setsid(), killGrace, OUTPUT_LIMIT,
                Path.of(System.getProperty("java.io.tmpdir")));
        this.ocf = new OcfAgents(paths.ocfRoot(), process, environment);
        this.lsb = new LsbAgents(paths.lsbDir(), process, environment);
        this.systemd = new SystemdAgents(paths.systemctl(), paths.systemdRuntimeDir(), process, environment);
        this.fence = new FenceAgents(paths.fenceDir(), process, environment);
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "halyard-agent-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Runs the operation and waits for its result; never throws for a failing agent. */
    public OperationResult execute(Operation operation) {
        OperationResult result = dispatch(operation);
        log(result);
        return result;
    }

    /**
     * Runs the operation on the executor's pool. The future always completes: with {@link ExecStatus#CANCELLED} if
     * the executor is closed before or while the operation runs.
     */
    public CompletableFuture<OperationResult> submit(Operation operation) {
        QueuedOperation queued = new QueuedOperation(operation, new CompletableFuture<>());
        try {
            pool.execute(queued);
        } catch (RejectedExecutionException e) {
            queued.cancel("executor is closed");
        }
        return queued.result();
    }

    /**
     * Runs the agent's meta-data action and parses it.
     *
     * @throws AgentException naming the agent if it cannot be run, fails or prints something that is not meta-data
     */
    public AgentMetadata metadata(AgentType agent) {
        OperationResult result = execute(Operation.of("meta-data", agent, Operation.META_DATA)
                .withTimeout(Duration.ofSeconds(30)));
        if (!result.succeeded()) {
            throw new AgentException("cannot get meta-data of " + agent + ": " + result.summary()
                    + (result.stderr().isBlank() ? "" : "\n" + result.stderr().strip()));
        }
        return AgentMetadata.parse(agent.toString(), result.stdout());
    }

    /** Interrupts running operations (their process groups are killed) and drops queued ones. */
    @Override
    public void close() {
        for (Runnable neverStarted : pool.shutdownNow()) {
            ((QueuedOperation) neverStarted).cancel("executor closed before it ran");
        }
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.error("agent operations still running 30 s after the executor was closed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class QueuedOperation implements Runnable {
        private final Operation operation;
        private final CompletableFuture<OperationResult> result;

        QueuedOperation(Operation operation, CompletableFuture<OperationResult> result) {
            this.operation = operation;
            this.result = result;
        }

        CompletableFuture<OperationResult> result() {
            return result;
        }

        @Override
        public void run() {
            try {
                result.complete(execute(operation));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                throw e;
            }
        }

        void cancel(String reason) {
            OperationResult cancelled = OperationResult.failed(operation, ExecStatus.CANCELLED, OcfResult.ERR_GENERIC,
                    operation.description() + " cancelled: " + reason, Instant.now());
            log(cancelled);
            result.complete(cancelled);
        }
    }

    private OperationResult dispatch(Operation operation) {
        return switch (operation.agent().standard()) {
            case OCF -> ocf.run(operation);
            case LSB -> lsb.run(operation);
            case SYSTEMD -> systemd.run(operation);
            case STONITH -> fence.run(operation);
            case SERVICE -> runService(operation);
        };
    }

    /** Like Pacemaker: a unit systemd knows wins over an init script of the same name. */
    private OperationResult runService(Operation operation) {
        AgentType agent = operation.agent();
        if (systemd.hasUnit(agent)) {
            return systemd.run(operation);
        }
        if (lsb.exists(agent)) {
            return lsb.run(operation);
        }
        return OperationResult.failed(operation, ExecStatus.NOT_INSTALLED, OcfResult.ERR_INSTALLED,
                "service " + agent.type() + " is not installed: no systemd unit "
                        + SystemdAgents.unitName(agent.type())
                        + (systemd.systemdRunning() ? "" : " (systemd is not running)") + " and no init script "
                        + lsb.scriptPath(agent),
                Instant.now());
    }

    private static void log(OperationResult result) {
        Operation operation = result.operation();
        if (result.succeeded()) {
            LOG.info("{}", result.summary());
            if (LOG.isDebugEnabled() && !result.output().isBlank()) {
                LOG.debug("{} output:\n{}", operation.description(), result.output().strip());
            }
        } else {
            LOG.warn("{}", result.summary());
            if (!result.output().isBlank()) {
                LOG.warn("{} output:\n{}", operation.description(), result.output().strip());
            }
        }
    }
}
