package org.halyard.daemon.control;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.halyard.cib.model.Cib;
import org.halyard.scheduler.ActionGraph;
import org.halyard.scheduler.ActionGraph.Step;
import org.halyard.scheduler.Scheduler;
import org.halyard.scheduler.SchedulerException;
import org.halyard.scheduler.Transition;
import org.halyard.scheduler.output.SummaryItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DC's half of the controller: runs the scheduler when something changed and executes the
 * resulting action graph, each action once its prerequisites completed, at most
 * {@code batch-limit} at a time. A failure, a membership or configuration change aborts the
 * transition: nothing new is started, what runs is awaited (or given up with its node), and
 * the scheduler runs again on the new state. Everything happens on one thread, in the order
 * events arrived.
 */
final class TransitionEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransitionEngine.class);
    /** Transitions this close together without a quiet moment suggest the cluster cannot settle. */
    private static final int RESTLESS_LIMIT = 30;
    private static final Duration RESTLESS_WINDOW = Duration.ofSeconds(20);

    /** How actions leave the DC; returns the executing node and how long to wait for its answer. */
    interface Dispatcher {
        Dispatch dispatch(long txn, Step step);
    }

    record Dispatch(String executor, Duration timeout) {
    }

    /** What the engine reports: a transition started (with its summary) or ended. */
    interface Observer {
        void transitionStarted(long txn, List<SummaryItem> summary);

        void transitionEnded(long txn, boolean complete);

        void schedulingFailed(String reason);
    }

    private final Supplier<Cib> input;
    private final Dispatcher dispatcher;
    private final Observer observer;
    private final Supplier<Integer> batchLimit;
    private final BlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Deque<Long> recentStarts = new ArrayDeque<>();
    private volatile boolean running = true;

    private long txn;
    /** Volatile: {@link #busy()} is read by the API's threads. */
    private volatile ActionGraph graph;
    private final Map<Integer, Step> waiting = new LinkedHashMap<>();
    private final Map<Integer, InFlight> inFlight = new HashMap<>();
    private final Set<Integer> done = new HashSet<>();
    private boolean aborted;
    private boolean rescheduleWanted;
    private String lastSchedulingError;

    private record InFlight(Step step, String executor, long deadline) {
    }

    /**
     * @param input the scheduler's input, or null while this node must not schedule (not the
     *              DC, or members have not reported yet)
     */
    TransitionEngine(Supplier<Cib> input, Dispatcher dispatcher, Observer observer, Supplier<Integer> batchLimit) {
        this.input = input;
        this.dispatcher = dispatcher;
        this.observer = observer;
        this.batchLimit = batchLimit;
        this.thread = Thread.ofPlatform().daemon().name("halyard-transitions").start(this::loop);
    }

    /** Something changed: schedule again (now, or once the running transition is wound down). */
    void trigger(String reason) {
        inbox.add(() -> {
            LOG.debug("scheduling wanted: {}", reason);
            if (graph != null) {
                abort(reason);
            }
            rescheduleWanted = true;
        });
    }

    /** An action's answer arrived. */
    void completed(long forTxn, int action, boolean ok) {
        inbox.add(() -> {
            if (forTxn != txn || graph == null) {
                return;
            }
            InFlight finished = inFlight.remove(action);
            if (finished == null) {
                return;
            }
            if (ok) {
                done.add(action);
            } else {
                abort(finished.step() + " failed");
            }
        });
    }

    /** The node left: whatever it was doing for us will never be answered. */
    void nodeLost(String node) {
        inbox.add(() -> {
            for (var entry : List.copyOf(inFlight.entrySet())) {
                if (entry.getValue().executor().equals(node)) {
                    inFlight.remove(entry.getKey());
                    abort(entry.getValue().step() + " lost with " + node);
                }
            }
            // also when nothing of ours ran there yet: what waits for it must not go out now
            abort(node + " left");
        });
    }

    /** True while a transition runs. */
    boolean busy() {
        return graph != null;
    }

    private void abort(String why) {
        if (graph != null && !aborted) {
            LOG.info("transition {} aborted: {}", txn, why);
            aborted = true;
        }
        rescheduleWanted = true;
    }

    private void loop() {
        while (running) {
            try {
                Runnable event = inbox.poll(200, TimeUnit.MILLISECONDS);
                if (event != null) {
                    event.run();
                    // take everything that arrived together before acting on it
                    for (Runnable next = inbox.poll(20, TimeUnit.MILLISECONDS); next != null;
                            next = inbox.poll(5, TimeUnit.MILLISECONDS)) {
                        next.run();
                    }
                }
                expireOverdue();
                advance();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("transition engine failed; scheduling again", e);
                if (graph != null) {
                    observer.transitionEnded(txn, false); // the controller still hears how it ended
                }
                reset();
                rescheduleWanted = true;
            }
        }
    }

    private void expireOverdue() {
        long now = System.nanoTime();
        for (var entry : List.copyOf(inFlight.entrySet())) {
            if (now - entry.getValue().deadline() > 0) {
                inFlight.remove(entry.getKey());
                abort(entry.getValue().step() + " on " + entry.getValue().executor() + " did not answer in time");
            }
        }
    }

    private void advance() {
        if (graph != null) {
            if (!aborted) {
                dispatchReady();
            }
            if (inFlight.isEmpty() && (aborted || waiting.isEmpty())) {
                boolean complete = !aborted && waiting.isEmpty();
                LOG.info("transition {} {}", txn, complete ? "complete" : "ended early, scheduling again");
                observer.transitionEnded(txn, complete);
                reset();
                rescheduleWanted = true; // confirm the cluster reached the wanted state
            }
            return;
        }
        if (rescheduleWanted) {
            rescheduleWanted = false;
            schedule();
        }
    }

    private void reset() {
        graph = null;
        waiting.clear();
        inFlight.clear();
        done.clear();
        aborted = false;
    }

    private void schedule() {
        Cib cib = input.get();
        if (cib == null) {
            return;
        }
        Transition transition;
        try {
            List<String> cannotRun = ExecutionSupport.unsupported(cib);
            if (!cannotRun.isEmpty()) {
                throw new SchedulerException("not yet supported by the controller: " + String.join(", ", cannotRun));
            }
            transition = Scheduler.schedule(cib, false);
            lastSchedulingError = null;
        } catch (SchedulerException | IllegalStateException | IllegalArgumentException e) {
            String reason = e.getMessage();
            if (!reason.equals(lastSchedulingError)) {
                LOG.error("cannot schedule the cluster: {}", reason);
                observer.schedulingFailed(reason);
                lastSchedulingError = reason;
            }
            return;
        }
        ActionGraph next = transition.graph();
        if (next.isEmpty()) {
            return;
        }
        if (restless()) {
            LOG.error("{} transitions within {} s without the cluster settling; waiting before the next",
                    RESTLESS_LIMIT, RESTLESS_WINDOW.toSeconds());
            inbox.add(() -> rescheduleWanted = true);
            sleepQuietly(RESTLESS_WINDOW.toMillis() / 4);
            return;
        }
        graph = next;
        txn++;
        next.actions().forEach(step -> waiting.put(step.id(), step));
        LOG.info("transition {}: {} action{}: {}", txn, next.actions().size(), next.actions().size() == 1 ? "" : "s",
                next.actions());
        observer.transitionStarted(txn, transition.summary());
        dispatchReady();
    }

    private boolean restless() {
        long now = System.nanoTime();
        recentStarts.addLast(now);
        while (!recentStarts.isEmpty() && now - recentStarts.getFirst() > RESTLESS_WINDOW.toNanos()) {
            recentStarts.removeFirst();
        }
        return recentStarts.size() > RESTLESS_LIMIT;
    }

    private void dispatchReady() {
        int limit = Math.max(1, batchLimit.get());
        List<Step> ready = new ArrayList<>();
        for (Step step : waiting.values()) {
            if (done.containsAll(graph.prerequisites(step.id()))) {
                ready.add(step);
            }
        }
        for (Step step : ready) {
            if (inFlight.size() >= limit) {
                return;
            }
            waiting.remove(step.id());
            Dispatch dispatch = dispatcher.dispatch(txn, step);
            if (dispatch == null) {
                abort("no node can run " + step);
                return;
            }
            inFlight.put(step.id(), new InFlight(step, dispatch.executor(),
                    System.nanoTime() + dispatch.timeout().toNanos()));
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
