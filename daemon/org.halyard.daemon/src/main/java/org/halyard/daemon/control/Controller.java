package org.halyard.daemon.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.halyard.agents.AgentType;
import org.halyard.agents.Operation;
import org.halyard.agents.OperationResult;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.resources.AgentResource;
import org.halyard.cluster.config.NodeEntry;
import org.halyard.cluster.membership.ClusterMembership;
import org.halyard.cluster.membership.ClusterView;
import org.halyard.cluster.membership.Member;
import org.halyard.cluster.membership.MembershipListener;
import org.halyard.cluster.membership.MessageHandler;
import org.halyard.cluster.membership.ViewChange;
import org.halyard.cluster.quorum.QuorumState;
import org.halyard.cluster.replication.CibReplica;
import org.halyard.scheduler.ActionGraph.Step;
import org.halyard.scheduler.output.SummaryItem;
import org.halyard.scheduler.output.TransitionSummaryPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller on every node (Pacemaker's pacemaker-controld): it executes what the DC asks
 * of this node, broadcasts the node's history after every change, and, on the DC, drives the
 * {@link TransitionEngine}. The scheduling node is the partition's coordinator, quorate or
 * not, so that no-quorum-policy is applied by the scheduler as in Pacemaker.
 */
public final class Controller implements MessageHandler, MembershipListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Controller.class);
    /** Added to an operation's timeout before the DC gives up waiting for the answer. */
    private static final Duration ANSWER_MARGIN = Duration.ofSeconds(10);

    private final ClusterMembership membership;
    private final CibReplica replica;
    private final NodeEntry local;
    private final Function<Operation, OperationResult> agents;
    private final BiConsumer<String, String> events;
    private final ClusterStatus status = new ClusterStatus();
    private final LocalResourceManager lrm;
    private final TransitionEngine engine;
    /** Broadcasts in order, off the JGroups threads (sending may block on flow control). */
    private final ExecutorService sender = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().daemon().name("halyard-crmd-send").unstarted(r));
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean joined;
    private volatile boolean leaving;

    /**
     * @param events receives (kind, text) for the event stream
     */
    public Controller(ClusterMembership membership, CibReplica replica, NodeEntry local,
            Function<Operation, OperationResult> agents, BiConsumer<String, String> events) {
        this.membership = membership;
        this.replica = replica;
        this.local = local;
        this.agents = agents;
        this.events = events;
        this.lrm = new LocalResourceManager(local.name(), local.nodeid(), agents, replica::current,
                history -> sendState(null));
        this.engine = new TransitionEngine(this::schedulerInput, this::dispatch, new EngineEvents(),
                this::batchLimit);
        membership.setMessageHandler(ControlMessage.TOPIC, this);
        membership.addListener(this);
        replica.addListener(cib -> {
            events.accept("cib", "configuration now " + cib.version());
            if (joined) {
                workers.submit(this::probeUnknown);
            }
            engine.trigger("configuration changed");
        });
    }

    /** After joining: find out what already runs here, then tell everyone. */
    public void joined() {
        joined = true;
        workers.submit(() -> {
            try {
                lrm.probeAll();
            } catch (RuntimeException e) {
                LOG.error("probing the resources on {} failed", local.name(), e);
                sendState(null);
            }
        });
    }

    private void probeUnknown() {
        try {
            lrm.probeUnknown();
        } catch (RuntimeException e) {
            LOG.error("probing new resources on {} failed", local.name(), e);
        }
    }

    public ClusterStatus status() {
        return status;
    }

    public boolean transitionBusy() {
        return engine.busy();
    }

    /** Whether this node schedules: the coordinator of its partition. */
    public boolean schedules() {
        return membership.currentView().coordinator().map(m -> m.name().equals(local.name())).orElse(false);
    }

    private Cib schedulerInput() {
        ClusterView view = membership.currentView();
        if (!schedules() || status.waitingFor(view) || status.waitingForProbes(replica.current(), view)) {
            return null;
        }
        QuorumState quorum = membership.quorum();
        return status.schedulerInput(replica.current(), view, quorum.quorate(), local.name());
    }

    /** batch-limit, or (0 or unset, as in Pacemaker) twice the cores, at least 4, of this DC. */
    private int batchLimit() {
        String value = clusterOption(replica.current(), "batch-limit");
        int automatic = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        try {
            int limit = value == null ? 0 : Integer.parseInt(value.trim());
            return limit > 0 ? limit : automatic;
        } catch (NumberFormatException e) {
            return automatic;
        }
    }

    public static String clusterOption(Cib cib, String name) {
        return cib.configuration().flatMap(c -> c.crmConfig())
                .flatMap(c -> c.inPrecedenceOrder().stream().flatMap(s -> s.value(name).stream()).findFirst())
                .orElse(null);
    }

    // ---- the DC sends work out

    /**
     * A transition as its answers name it: its number and the DC that runs it. Each DC numbers
     * from 1, so a late answer to a former DC's transition must not complete the new DC's
     * action of the same number.
     */
    private String transitionRef(long txn) {
        return txn + "@" + local.name();
    }

    /** Hands an answer to the engine when it is for one of this DC's transitions. */
    private void completed(String ref, String action, boolean ok) {
        String mine = "@" + local.name();
        if (ref.endsWith(mine)) {
            long txn = Long.parseLong(ref.substring(0, ref.length() - mine.length()));
            engine.completed(txn, Integer.parseInt(action), ok);
        }
    }

    private TransitionEngine.Dispatch dispatch(long txn, Step step) {
        if ("stonith".equals(step.task())) {
            return dispatchFencing(txn, step);
        }
        Duration timeout = ResourceDefinition.find(replica.current(), step.resource(), step.node())
                .map(d -> d.timeout(step.task(), 0)).orElse(ResourceDefinition.DEFAULT_TIMEOUT);
        List<String> words = new ArrayList<>(List.of(transitionRef(txn), Integer.toString(step.id()), step.node(),
                step.resource(), step.task()));
        if (step.migrateSource() != null) {
            words.add(step.migrateSource());
            words.add(step.migrateTarget());
        }
        send(ControlMessage.of("EXEC", words.toArray(String[]::new)));
        return new TransitionEngine.Dispatch(step.node(), timeout.plus(ANSWER_MARGIN));
    }

    private TransitionEngine.Dispatch dispatchFencing(long txn, Step step) {
        Cib cib = replica.current();
        List<AgentResource> devices = LocalResourceManager.primitives(cib).stream()
                .filter(p -> "stonith".equals(p.getAgentClass())).toList();
        Optional<AgentResource> device = devices.stream().filter(p -> canFence(cib, p, step.node())).findFirst();
        Optional<String> executor = membership.currentView().members().stream().map(Member::name)
                .filter(n -> !n.equals(step.node())).findFirst();
        if (device.isEmpty() || executor.isEmpty()) {
            LOG.error("cannot fence {}: {}", step.node(), devices.isEmpty() ? "no fencing device is configured"
                    : device.isEmpty() ? "no fencing device lists it (pcmk_host_list, pcmk_host_map) among "
                            + devices.stream().map(AgentResource::getId).toList()
                    : "no other node is there to do it");
            return null;
        }
        String timeout = clusterOption(cib, "stonith-timeout");
        long ms = timeout == null ? 60_000 : org.halyard.scheduler.resource.Durations.toMillis(timeout);
        send(ControlMessage.of("FENCE", transitionRef(txn), Integer.toString(step.id()), executor.get(), step.node(),
                device.get().getId()));
        return new TransitionEngine.Dispatch(executor.get(), Duration.ofMillis(ms > 0 ? ms : 60_000)
                .plus(ANSWER_MARGIN));
    }

    /**
     * Whether a device is meant for the target, as the fencer decides with a static list: a
     * device that names its hosts (pcmk_host_list, or the keys of pcmk_host_map) fences only
     * those; one that names none is asked to fence anyone.
     */
    static boolean canFence(Cib cib, AgentResource device, String target) {
        Map<String, String> params = ResourceDefinition.find(cib, device.getId(), target)
                .map(ResourceDefinition::params).orElse(Map.of());
        String list = params.get("pcmk_host_list");
        String map = params.get("pcmk_host_map");
        if (list == null && map == null) {
            return true;
        }
        List<String> hosts = new ArrayList<>();
        if (list != null) {
            hosts.addAll(List.of(list.trim().split("[\\s,;]+")));
        }
        if (map != null) {
            for (String entry : map.trim().split("[\\s,;]+")) {
                hosts.add(entry.contains(":") ? entry.substring(0, entry.indexOf(':')) : entry);
            }
        }
        return hosts.contains(target);
    }

    // ---- messages, in total order, on a JGroups thread: hand work off, never block

    @Override
    public void deliver(Member from, byte[] payload) {
        ControlMessage message = ControlMessage.decode(payload);
        try {
            switch (message.kind()) {
                case "STATE" -> onState(message);
                case "EXEC" -> {
                    if (message.word(2).equals(local.name())) {
                        workers.submit(() -> execute(message));
                    }
                }
                case "FENCE" -> {
                    if (message.word(2).equals(local.name())) {
                        workers.submit(() -> fence(message));
                    }
                }
                case "FENCED" -> onFenced(message);
                case "CLEANUP" -> {
                    String node = message.word(1);
                    if (node.equals(ControlMessage.ALL) || node.equals(local.name())) {
                        String rsc = message.word(0);
                        workers.submit(() -> lrm.cleanup(rsc.equals(ControlMessage.ALL) ? null : rsc));
                    }
                }
                case "ATTR" -> {
                    if (message.word(0).equals(local.name())) {
                        String value = message.words().size() > 2 ? message.word(2) : null;
                        workers.submit(() -> lrm.setAttribute(message.word(1), value));
                    }
                }
                case "BYE" -> {
                    status.down(message.word(0));
                    engine.trigger(message.word(0) + " left cleanly");
                }
                default -> LOG.warn("ignoring controller message {} from {}", message, from);
            }
        } catch (RuntimeException e) {
            LOG.error("controller message {} from {} could not be handled", message, from, e);
        }
    }

    private void onState(ControlMessage message) {
        NodeHistory history = NodeHistory.parse(message.body());
        NodeHistory previous = status.history(history.node()).orElse(null);
        status.update(history);
        if (message.words().size() >= 4) {
            completed(message.word(1), message.word(2), "ok".equals(message.word(3)));
            String text = describeResult(history, previous);
            if (text != null) {
                events.accept("resource", text);
            }
        } else if (relevantChange(previous, history)) {
            String text = describeResult(history, previous);
            events.accept("resource", text != null ? text : history.node() + " reported its resources");
            engine.trigger("history of " + history.node() + " changed");
        }
    }

    /**
     * Whether a node's new history can change the scheduler's decision: its first report, new
     * attributes (fail counts, promotion scores), a new one-shot result or failure, or a
     * recurring monitor whose answer changed. A monitor confirming what was known changes nothing,
     * and re-scheduling on it would abort transitions for nothing.
     */
    static boolean relevantChange(NodeHistory before, NodeHistory now) {
        if (before == null || !before.attributes().equals(now.attributes())
                || !before.resources().keySet().equals(now.resources().keySet())) {
            return true;
        }
        for (ResourceRecord record : now.resources().values()) {
            ResourceRecord old = before.resources().get(record.id());
            for (OperationRecord op : record.operations().values()) {
                OperationRecord was = old.operations().get(op.id());
                boolean confirmation = op.intervalMs() > 0 && was != null && was.rc() == op.rc()
                        && was.opStatus() == op.opStatus();
                boolean quietStart = op.intervalMs() > 0 && was == null && op.opStatus() == OperationRecord.DONE
                        && (op.rc() == 0 || op.rc() == 8);
                if (!op.equals(was) && !confirmation && !quietStart) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "web started on node1": the newest operation that changed between two histories. */
    private static String describeResult(NodeHistory now, NodeHistory before) {
        OperationRecord newest = null;
        String rsc = null;
        for (ResourceRecord record : now.resources().values()) {
            ResourceRecord old = before == null ? null : before.resources().get(record.id());
            for (OperationRecord op : record.operations().values()) {
                if (old != null && op.equals(old.operations().get(op.id()))) {
                    continue;
                }
                if (newest == null || op.callId() > newest.callId()) {
                    newest = op;
                    rsc = record.id();
                }
            }
        }
        if (newest == null) {
            return null;
        }
        String what = newest.intervalMs() > 0 ? "monitor" : "monitor".equals(newest.operation()) ? "probe"
                : newest.operation();
        return rsc + " " + what + " on " + now.node() + ": " + OcfNames.describe(newest.rc(), newest.opStatus());
    }

    private void execute(ControlMessage message) {
        String txn = message.word(0);
        String action = message.word(1);
        String rsc = message.word(3);
        String task = message.word(4);
        LocalResourceManager.Migration migration = message.words().size() > 6
                ? new LocalResourceManager.Migration(message.word(5), message.word(6)) : null;
        boolean ok;
        try {
            ok = lrm.execute(rsc, task, migration).ok();
        } catch (RuntimeException e) {
            LOG.error("{} {} on {} could not run: {}", rsc, task, local.name(), e.getMessage());
            ok = false;
        }
        sendState(new String[] {txn, action, ok ? "ok" : "failed"});
    }

    private void fence(ControlMessage message) {
        String target = message.word(3);
        String deviceId = message.word(4);
        Cib cib = replica.current();
        boolean ok = false;
        Optional<ResourceDefinition> device = ResourceDefinition.find(cib, deviceId, local.name());
        if (device.isEmpty()) {
            LOG.error("fencing device {} is not configured", deviceId);
        } else {
            String action = Optional.ofNullable(clusterOption(cib, "stonith-action")).orElse("reboot");
            String timeout = clusterOption(cib, "stonith-timeout");
            long ms = timeout == null ? 60_000 : org.halyard.scheduler.resource.Durations.toMillis(timeout);
            AgentType agent = device.get().agent();
            Operation op = Operation.of(deviceId, agent, "off".equals(action) ? "off" : "reboot")
                    .withParams(device.get().params()).withTimeout(Duration.ofMillis(ms > 0 ? ms : 60_000))
                    .withTarget(target);
            LOG.warn("fencing {} with {} ({})", target, deviceId, op.action());
            OperationResult result = agents.apply(op);
            ok = result.succeeded();
            if (ok) {
                LOG.warn("{} was fenced by {}", target, deviceId);
            } else {
                LOG.error("fencing {} with {} FAILED: {}", target, deviceId, result.summary());
            }
        }
        send(ControlMessage.of("FENCED", target, ok ? "ok" : "failed", message.word(0), message.word(1)));
    }

    private void onFenced(ControlMessage message) {
        String target = message.word(0);
        boolean ok = "ok".equals(message.word(1));
        if (ok) {
            status.down(target);
        }
        events.accept("node", ok ? target + " was fenced" : "fencing " + target + " FAILED");
        completed(message.word(2), message.word(3), ok);
    }

    // ---- membership

    @Override
    public void viewChanged(ViewChange change) {
        for (Member gone : change.crashed()) {
            events.accept("membership", gone.name() + " is lost");
            engine.nodeLost(gone.name());
        }
        for (Member gone : change.left()) {
            events.accept("membership", gone.name() + " left");
            engine.nodeLost(gone.name());
        }
        change.joined().forEach(m -> events.accept("membership", m.name() + " joined"));
        if (!change.joined().isEmpty() && joined && !leaving) {
            sendState(null); // the newcomers missed what we broadcast before they came
        }
        engine.trigger("membership changed");
    }

    @Override
    public void quorumChanged(QuorumState previous, QuorumState current) {
        if (previous.quorate() != current.quorate()) {
            events.accept("quorum", current.quorate() ? "the partition is quorate" : "quorum lost");
            engine.trigger("quorum changed");
        }
    }

    // ---- requests from the API

    /** Asks every node concerned to forget the failures of rsc (or all) and probe again. */
    public void cleanup(String rsc, String node) {
        send(ControlMessage.of("CLEANUP", rsc == null ? ControlMessage.ALL : rsc,
                node == null ? ControlMessage.ALL : node));
    }

    /** Sets a transient node attribute (null removes it) on the node that owns it. */
    public void setAttribute(String node, String name, String value) {
        send(value == null ? ControlMessage.of("ATTR", node, name) : ControlMessage.of("ATTR", node, name, value));
    }

    /**
     * A clean stop: asks the DC to move everything off this node (the shutdown attribute, as
     * Pacemaker does), waits until nothing runs here or the time is up, then says goodbye.
     */
    public void shutdown(Duration patience) {
        leaving = true;
        if (membership.currentView().members().size() > 1 || lrm.anyActive()) {
            lrm.setAttribute("shutdown", Long.toString(System.currentTimeMillis() / 1000));
            long deadline = System.nanoTime() + patience.toNanos();
            while (lrm.anyActive() && System.nanoTime() < deadline) {
                sleep(100);
            }
            if (lrm.anyActive()) {
                LOG.warn("stopping with resources still active here: the DC did not move them within {} s",
                        patience.toSeconds());
            }
        }
        if (!lrm.anyActive()) {
            send(ControlMessage.of("BYE", local.name()));
        }
        sender.shutdown();
        try {
            sender.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendState(String[] reference) {
        send(() -> {
            ControlMessage message = reference == null ? ControlMessage.of("STATE", local.name())
                    : ControlMessage.of("STATE", local.name(), reference[0], reference[1], reference[2]);
            // the history is read when the message leaves, so a later send never carries older news
            return message.withBody(lrm.history().toXml("true", "online", "member", "member"));
        });
    }

    private void send(ControlMessage message) {
        send(() -> message);
    }

    private void send(java.util.function.Supplier<ControlMessage> message) {
        if (sender.isShutdown()) {
            return;
        }
        sender.submit(() -> {
            try {
                membership.broadcast(ControlMessage.TOPIC, message.get().encode());
            } catch (RuntimeException e) {
                LOG.warn("controller message could not be sent: {}", e.getMessage());
            }
        });
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Transition starts and ends, told to the event stream. */
    private final class EngineEvents implements TransitionEngine.Observer {
        @Override
        public void transitionStarted(long txn, List<SummaryItem> summary) {
            // the admin's view of the decision, as crm_simulate prints it
            TransitionSummaryPrinter.lines(summary).forEach(line -> LOG.info("transition {}: {}", txn, line.strip()));
            events.accept("transition", "transition " + txn + ": " + summary.size() + " change"
                    + (summary.size() == 1 ? "" : "s"));
        }

        @Override
        public void transitionEnded(long txn, boolean complete) {
            events.accept("transition", "transition " + txn + (complete ? " complete" : " aborted"));
        }

        @Override
        public void schedulingFailed(String reason) {
            events.accept("transition", "cannot schedule: " + reason);
        }
    }

    @Override
    public void close() {
        engine.close();
        lrm.close();
        workers.shutdownNow();
        sender.shutdownNow();
    }
}
