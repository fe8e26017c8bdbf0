package org.halyard.daemon.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.halyard.agents.ExecStatus;
import org.halyard.agents.OcfResult;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.agents.Standard;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibValues;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Resources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's executor (Pacemaker's pacemaker-execd and the controller's local half): runs the
 * operations the DC asks for and the probes, keeps the node's resource history and fail counts,
 * runs recurring monitors for whatever is active here, and publishes the history after every
 * change. Agents are called through a function so tests can watch what is run.
 */
public final class LocalResourceManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalResourceManager.class);
    static final String INFINITY = "INFINITY";

    private final String node;
    private final Function<Operation, OperationResult> agents;
    private final Supplier<Cib> cib;
    private final Consumer<NodeHistory> publish;
    private final ScheduledExecutorService monitors;
    private final Map<String, ScheduledFuture<?>> running = new ConcurrentHashMap<>();
    /** One agent call at a time per resource, as Pacemaker's executor serializes a resource's operations. */
    private final Map<String, ReentrantLock> agentLocks = new ConcurrentHashMap<>();
    private final AtomicLong callIds = new AtomicLong();
    private NodeHistory history;

    public LocalResourceManager(String node, long nodeid, Function<Operation, OperationResult> agents,
            Supplier<Cib> cib, Consumer<NodeHistory> publish) {
        this.node = node;
        this.agents = agents;
        this.cib = cib;
        this.publish = publish;
        this.history = NodeHistory.empty(node, nodeid);
        this.monitors = Executors.newScheduledThreadPool(2, r -> Thread.ofPlatform().daemon()
                .name("halyard-monitor").unstarted(r));
    }

    public synchronized NodeHistory history() {
        return history;
    }

    /** What came of an operation the DC asked for: the record, and whether it did what was asked. */
    public record Outcome(OperationRecord record, boolean ok) {
    }

    /**
     * Runs one operation of the DC's transition and records it. The caller publishes the
     * history, with its answer to the DC.
     */
    public Outcome execute(String instance, String task) {
        return execute(instance, task, null);
    }

    /** Where a live migration goes: the agent and the history record both name the two nodes. */
    public record Migration(String source, String target) {
    }

    /**
     * Runs one operation of the DC's transition; a migrate_to or migrate_from comes with its
     * migration, null for anything else.
     */
    public Outcome execute(String instance, String task, Migration migration) {
        ResourceDefinition definition = ResourceDefinition.find(cib.get(), instance, node).orElse(null);
        if (definition == null) {
            if ("stop".equals(task)) {
                return new Outcome(forget(instance), true); // deleted from the configuration: nothing to stop
            }
            throw new IllegalArgumentException("resource " + instance + " is not in the configuration");
        }
        OperationRecord record;
        OperationResult result;
        ReentrantLock lock = agentLock(definition.historyId());
        lock.lock();
        try {
            // as Pacemaker cancels recurring operations first: a monitor racing a stop or a
            // promotion would see the new state, expect the old one, and count a failure
            cancelMonitors(definition.historyId());
            result = run(definition, task, 0, migration);
            record = record(definition, task, 0, result, migration);
        } finally {
            lock.unlock();
        }
        reconcileMonitors(definition);
        return new Outcome(record, !failed(task, 0, result, definition));
    }

    private ReentrantLock agentLock(String historyId) {
        return agentLocks.computeIfAbsent(historyId, k -> new ReentrantLock());
    }

    private void cancelMonitors(String historyId) {
        for (String key : List.copyOf(running.keySet())) {
            if (key.startsWith(historyId + "_monitor_")) {
                cancel(key);
            }
        }
    }

    /** Probes every configured primitive (a monitor with interval 0) and publishes the result once. */
    public void probeAll() {
        Cib now = cib.get();
        for (AgentResource primitive : primitives(now)) {
            probe(now, primitive.getId());
        }
        publish();
    }

    /**
     * Probes what this node has never seen (a resource added to the configuration since it
     * joined), as Pacemaker probes a new resource on every node before starting it anywhere.
     */
    public void probeUnknown() {
        Cib now = cib.get();
        boolean probed = false;
        for (String id : probeIds(now)) {
            boolean known;
            synchronized (this) {
                known = history.resources().containsKey(id);
            }
            if (!known) {
                probe(now, id);
                probed = true;
            }
        }
        if (probed) {
            publish();
        }
    }

    /**
     * Every configured primitive a node must have a result for before the DC may schedule it. A
     * probe is recorded under the primitive's own id (an anonymous clone's history id is that id
     * too), so the ids are the primitives' ids: no definition needs resolving on the DC's path.
     */
    static List<String> probeIds(Cib cib) {
        return primitives(cib).stream().map(AgentResource::getId).toList();
    }

    private void probe(Cib now, String id) {
        ResourceDefinition definition = ResourceDefinition.find(now, id, node).orElse(null);
        if (definition == null) {
            return;
        }
        ReentrantLock lock = agentLock(definition.historyId());
        lock.lock();
        try {
            record(definition, "monitor", 0, run(definition, "monitor", 0));
        } finally {
            lock.unlock();
        }
        reconcileMonitors(definition);
    }

    /**
     * Forgets a resource's history and fail counts here (all resources when {@code rsc} is null)
     * and probes it again, as {@code crm_resource --cleanup} does.
     */
    public void cleanup(String rsc) {
        synchronized (this) {
            NodeHistory next = history;
            for (String id : List.copyOf(history.resources().keySet())) {
                if (rsc == null || ResourceDefinition.baseId(id).equals(rsc)) {
                    next = next.withoutResource(id);
                }
            }
            for (String name : List.copyOf(history.attributes().keySet())) {
                if ((name.startsWith("fail-count-") || name.startsWith("last-failure-"))
                        && (rsc == null || attributeResource(name).equals(rsc))) {
                    next = next.withAttribute(name, null);
                }
            }
            history = next;
        }
        Cib now = cib.get();
        for (AgentResource primitive : primitives(now)) {
            if (rsc == null || primitive.getId().equals(rsc)) {
                probe(now, primitive.getId());
            }
        }
        publish();
    }

    private static String attributeResource(String name) {
        String rest = name.substring(name.startsWith("fail-count-") ? "fail-count-".length() : "last-failure-".length());
        int hash = rest.indexOf('#');
        return ResourceDefinition.baseId(hash < 0 ? rest : rest.substring(0, hash));
    }

    /** Sets or removes one of this node's transient attributes (a promotion score, shutdown). */
    public void setAttribute(String name, String value) {
        synchronized (this) {
            history = history.withAttribute(name, value);
        }
        publish();
    }

    /** True while any resource is active here according to its history. */
    public synchronized boolean anyActive() {
        return history.resources().values().stream().anyMatch(r -> activeRole(r) != null);
    }

    private OperationResult run(ResourceDefinition definition, String task, long intervalMs) {
        return run(definition, task, intervalMs, null);
    }

    private OperationResult run(ResourceDefinition definition, String task, long intervalMs, Migration migration) {
        Duration timeout = definition.timeout(task, intervalMs);
        String action = task;
        if (definition.agent().standard() == Standard.STONITH) {
            // a fence device has no start or stop of its own: starting it means checking it answers
            action = "stop".equals(task) ? null : "monitor";
        }
        if (action == null) {
            Instant now = Instant.now();
            return new OperationResult(Operation.of(definition.instance(), definition.agent(), task), ExecStatus.DONE,
                    OcfResult.OK, 0, "", "", "", now, Duration.ZERO);
        }
        Map<String, String> meta = new LinkedHashMap<>(definition.agentMeta(task, intervalMs, timeout));
        if (migration != null) {
            meta.put("migrate_source", migration.source());
            meta.put("migrate_target", migration.target());
        }
        Operation operation = Operation.of(definition.instance(), definition.agent(), action)
                .withParams(definition.params()).withMeta(meta)
                .withTimeout(timeout).withInterval(Duration.ofMillis(intervalMs));
        return agents.apply(operation);
    }

    /** Records the result of anything but a migration step. */
    private OperationRecord record(ResourceDefinition definition, String task, long intervalMs,
            OperationResult result) {
        return record(definition, task, intervalMs, result, null);
    }

    /**
     * Records a result the way Pacemaker's history does, counting failures; migration steps keep
     * records of their own.
     */
    private synchronized OperationRecord record(ResourceDefinition definition, String task, long intervalMs,
            OperationResult result, Migration migration) {
        String id = definition.historyId();
        long now = Instant.now().getEpochSecond();
        int opStatus = switch (result.status()) {
            case DONE -> OperationRecord.DONE;
            case TIMEOUT -> OperationRecord.TIMED_OUT;
            case NOT_INSTALLED -> OperationRecord.NOT_INSTALLED;
            default -> OperationRecord.ERROR;
        };
        String reason = result.exitReason().isBlank() ? null : result.exitReason();
        String recordId = intervalMs > 0 || migration != null ? id + "_" + task + "_" + intervalMs : id + "_last_0";
        int expected = "monitor".equals(task) ? intervalMs == 0 ? OcfResult.NOT_RUNNING.code()
                : expectedMonitorResult(definition).code() : OcfResult.OK.code();
        OperationRecord op = new OperationRecord(recordId, task, intervalMs, result.rc().code(), opStatus,
                callIds.incrementAndGet(), now, result.duration().toMillis(), reason, null, expected,
                migration == null ? null : migration.source(), migration == null ? null : migration.target());
        ResourceRecord rsc = history.resources().get(id);
        if (rsc == null) {
            AgentResource p = definition.primitive();
            rsc = new ResourceRecord(id, p.getAgentClass(), p.getProvider(), p.getType(), Map.of());
        }
        rsc = rsc.with(op);
        boolean failed = failed(task, intervalMs, result, definition);
        if (failed) {
            rsc = rsc.with(new OperationRecord(id + "_last_failure_0", task, intervalMs, op.rc(), opStatus,
                    op.callId(), now, op.execMs(), reason, null, expected));
        }
        history = history.withResource(rsc);
        if (failed) {
            countFailure(id, task, intervalMs, now);
            LOG.warn("{} {} on {} failed: {} ({}){}", id, describe(task, intervalMs), node, result.rc(),
                    result.status(), reason == null ? "" : ": " + reason);
        } else {
            LOG.info("{} {} on {}: {} in {} ms", id, describe(task, intervalMs), node, result.rc(),
                    result.duration().toMillis());
        }
        return op;
    }

    private static String describe(String task, long intervalMs) {
        return intervalMs > 0 ? task + " (every " + intervalMs + " ms)" : task;
    }

    private boolean failed(String task, long intervalMs, OperationResult result, ResourceDefinition definition) {
        if (result.status() != ExecStatus.DONE) {
            return true;
        }
        OcfResult rc = result.rc();
        return switch (task) {
            case "monitor" -> intervalMs == 0 ? !(rc == OcfResult.OK || rc == OcfResult.NOT_RUNNING
                    || rc == OcfResult.RUNNING_PROMOTED) : rc != expectedMonitorResult(definition);
            case "stop" -> !(rc == OcfResult.OK || rc == OcfResult.NOT_RUNNING);
            default -> rc != OcfResult.OK;
        };
    }

    private OcfResult expectedMonitorResult(ResourceDefinition definition) {
        ResourceRecord rsc = history.resources().get(definition.historyId());
        return rsc != null && "Promoted".equals(activeRole(rsc)) ? OcfResult.RUNNING_PROMOTED : OcfResult.OK;
    }

    /** A failed start is fatal by default (start-failure-is-fatal), as is a failed stop. */
    private void countFailure(String id, String task, long intervalMs, long now) {
        String key = id + "#" + task + "_" + intervalMs;
        String current = history.attributes().get("fail-count-" + key);
        boolean fatal = "stop".equals(task) || ("start".equals(task) && startFailureIsFatal());
        String next = fatal || INFINITY.equals(current) ? INFINITY
                : Long.toString((current == null ? 0 : Long.parseLong(current)) + 1);
        history = history.withAttribute("fail-count-" + key, next).withAttribute("last-failure-" + key,
                Long.toString(now));
    }

    private boolean startFailureIsFatal() {
        return cib.get().configuration().flatMap(c -> c.crmConfig())
                .flatMap(c -> c.inPrecedenceOrder().stream().flatMap(s -> s.value("start-failure-is-fatal").stream())
                        .findFirst())
                .map(CibValues::isTrue).orElse(true);
    }

    /**
     * The role a resource is in by its last one-shot operation: null when stopped or failed to
     * start, else Started, Promoted or Unpromoted.
     */
    public static String activeRole(ResourceRecord rsc) {
        OperationRecord last = rsc.last();
        if (last == null || last.opStatus() != OperationRecord.DONE) {
            return last != null && !"stop".equals(last.operation()) && !"monitor".equals(last.operation())
                    ? "Started" : null; // a timed-out start or promote may have left it running
        }
        return switch (last.operation()) {
            case "start" -> last.rc() == 0 ? "Started" : null;
            case "promote" -> last.rc() == 0 ? "Promoted" : "Unpromoted";
            case "demote" -> "Unpromoted";
            case "migrate_from" -> last.rc() == 0 ? "Started" : null;
            case "migrate_to" -> null; // leaving: the stop that follows finishes it here
            case "monitor" -> last.rc() == 0 ? "Started" : last.rc() == 8 ? "Promoted" : null;
            default -> null;
        };
    }

    /** Runs exactly the recurring monitors the resource's current role calls for. */
    private void reconcileMonitors(ResourceDefinition definition) {
        String id = definition.historyId();
        ResourceRecord rsc;
        synchronized (this) {
            rsc = history.resources().get(id);
        }
        String role = rsc == null ? null : activeRole(rsc);
        List<String> wanted = new ArrayList<>();
        if (role != null) {
            for (var op : definition.recurringMonitors(role)) {
                long interval = ResourceDefinition.interval(op);
                String key = id + "_monitor_" + interval;
                wanted.add(key);
                running.computeIfAbsent(key, k -> monitors.scheduleWithFixedDelay(
                        () -> monitorOnce(definition.instance(), interval, key), interval, interval,
                        TimeUnit.MILLISECONDS));
            }
        }
        // monitors cancelled here or before the last operation, and their records, go
        List<String> monitorKeys = new ArrayList<>(running.keySet());
        if (rsc != null) {
            monitorKeys.addAll(rsc.operations().keySet());
        }
        for (String key : monitorKeys) {
            if (key.startsWith(id + "_monitor_") && !wanted.contains(key)) {
                cancel(key);
                forgetCancelledMonitor(id, key);
            }
        }
    }

    /**
     * A cancelled monitor leaves the history, as Pacemaker's controller erases cancelled
     * operations: a stale Unpromoted monitor next to a Promoted one would read as a role
     * mismatch. A failed result stays, as evidence, until the next monitor or a cleanup.
     */
    private synchronized void forgetCancelledMonitor(String id, String key) {
        ResourceRecord rsc = history.resources().get(id);
        OperationRecord op = rsc == null ? null : rsc.operations().get(key);
        if (op != null && op.opStatus() == OperationRecord.DONE && (op.rc() == 0 || op.rc() == 8)) {
            history = history.withResource(rsc.without(key));
        }
    }

    private void monitorOnce(String instance, long intervalMs, String key) {
        try {
            ResourceDefinition definition = ResourceDefinition.find(cib.get(), instance, node).orElse(null);
            if (definition == null) {
                cancel(key);
                return;
            }
            ReentrantLock lock = agentLock(definition.historyId());
            boolean changed;
            lock.lock();
            try {
                if (!running.containsKey(key)) {
                    return; // cancelled while it waited for an operation on the resource to finish
                }
                changed = monitorResult(definition, intervalMs, key, run(definition, "monitor", intervalMs));
            } finally {
                lock.unlock();
            }
            if (changed) {
                publish();
            }
        } catch (RuntimeException e) {
            LOG.error("monitor {} failed to run", key, e);
        }
    }

    /** Records a recurring monitor's result when it says something new; true when it did. */
    private synchronized boolean monitorResult(ResourceDefinition definition, long intervalMs, String key,
            OperationResult result) {
        ResourceRecord rsc = history.resources().get(definition.historyId());
        OperationRecord previous = rsc == null ? null : rsc.operations().get(key);
        OperationRecord lastAction = rsc == null ? null : rsc.last();
        // a result from before the last start/promote/demote belongs to the previous
        // incarnation (a failure kept as evidence): the first result after it always counts
        boolean stale = previous != null && lastAction != null && previous.callId() < lastAction.callId();
        boolean changed = previous == null || stale || previous.rc() != result.rc().code()
                || result.status() != ExecStatus.DONE;
        if (changed) {
            OperationRecord record = record(definition, "monitor", intervalMs, result);
            if (failed("monitor", intervalMs, result, definition) || record.rc() != 0 && record.rc() != 8) {
                cancel(key); // recovery is the DC's decision; a new start brings a new monitor
            }
        }
        return changed;
    }

    private void cancel(String key) {
        ScheduledFuture<?> future = running.remove(key);
        if (future != null) {
            future.cancel(false);
        }
    }

    /** A stop of something no longer configured: forget it, stop its monitors. */
    private OperationRecord forget(String instance) {
        OperationRecord done;
        synchronized (this) {
            String id = history.resources().containsKey(instance) ? instance : ResourceDefinition.baseId(instance);
            running.keySet().removeIf(key -> {
                if (key.startsWith(id + "_monitor_")) {
                    running.get(key).cancel(false);
                    return true;
                }
                return false;
            });
            history = history.withoutResource(id);
            done = new OperationRecord(id + "_last_0", "stop", 0, 0, OperationRecord.DONE, callIds.incrementAndGet(),
                    Instant.now().getEpochSecond(), 0, null, null);
        }
        return done;
    }

    private void publish() {
        NodeHistory now;
        synchronized (this) {
            now = history;
        }
        publish.accept(now);
    }

    static List<AgentResource> primitives(Cib cib) {
        List<AgentResource> found = new ArrayList<>();
        for (Resource rsc : cib.configuration().flatMap(c -> c.resources()).map(Resources::allResources)
                .orElse(List.of())) {
            if (rsc instanceof AgentResource primitive && primitive.getAgentClass() != null) {
                found.add(primitive);
            }
        }
        return found;
    }

    @Override
    public void close() {
        monitors.shutdownNow();
        running.clear();
    }
}
