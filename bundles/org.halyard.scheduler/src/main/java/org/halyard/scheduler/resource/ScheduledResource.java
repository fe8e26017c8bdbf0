package org.halyard.scheduler.resource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.halyard.scheduler.cluster.Role;

/**
 * A resource while one scheduler run works on it: its configuration (fixed) and the state the
 * run builds up (allowed node scores, current and next role, assignment). Only the scheduler
 * run that created it mutates it; results leave the run as immutable records.
 */
public final class ScheduledResource {

    private final ResourceConfig config;
    private final ScheduledResource parent;
    private final List<ScheduledResource> children = new ArrayList<>();

    /** Node scores by node name, in insertion order (Pacemaker's allowed_nodes). */
    public final Map<String, Integer> allowed = new LinkedHashMap<>();
    /** Nodes the resource is active on, in the order history found them. */
    public final List<String> runningOn = new ArrayList<>();
    public Role role = Role.STOPPED;
    public Role nextRole = Role.UNKNOWN;
    public boolean managed;
    public boolean failed;
    /** Failure requires a stop (pe_rsc_stop). */
    public boolean stopNeeded;
    public boolean blocked;
    public boolean failureIgnored;
    public boolean startPending;
    /** A parameter the agent cannot reload changed since the start: restart it. */
    public boolean definitionChanged;
    /** A reloadable parameter changed: reload the agent in place. */
    public boolean reload;
    /** The node where a stop is required before anything else (agent changed), or null. */
    public String forcedStopNode;
    /** The node where a failure with on-fail=demote requires a demote, or null. */
    public String demoteNode;
    /** Nodes where its fail count is being cleared (failure under old parameters). */
    public final java.util.Set<String> failCountCleared = new java.util.HashSet<>();
    /** A failure that blocks the resource disregards its failure-timeout (as Pacemaker does). */
    public boolean failureTimeoutDisabled;
    /** The node a shutdown lock keeps it on, or null. */
    public String lockNode;
    /** Multiply active with multiple-active=stop_unexpected: stop only the unexpected ones. */
    public boolean stopUnexpected;
    /** The resource this one runs inside (the container meta-attribute), or null. */
    public ScheduledResource container;
    /** The resources running inside this one (its container meta-attribute users). */
    public final List<ScheduledResource> fillers = new ArrayList<>();
    public boolean provisional = true;
    public boolean assigning;
    public boolean merging;
    public boolean orphan;
    public String assignedTo;
    public int priority;
    /** For a clone: its clone settings; null for other resources. */
    public CloneSettings clone;
    /** The configured id an instance was made from (its id without ":N"). */
    public String baseId;
    /** The name the history knows this instance by, if not its id (Pacemaker's clone_name). */
    public String historyName;
    /** Nodes where its state is known from history (probed or active). */
    public final java.util.Set<String> knownOn = new java.util.LinkedHashSet<>();
    /** A clone instance beyond clone-max, created for history only: it must stop. */
    public boolean instanceOrphan;
    /** Promotion order of a promotable clone instance (Pacemaker's sort_index). */
    public int sortIndex;
    /** Node scores of location constraints for the Promoted role. */
    public final List<Map<String, Integer>> promotedLocations = new ArrayList<>();
    /** Its score on the node it was assigned to, when it was assigned. */
    public int assignedScore;
    /** The node of a pending operation, if any. */
    public String pendingNode;
    /** It moves by live migration in this run (Pacemaker's pe_rsc_migratable). */
    public boolean migrating;

    public ScheduledResource(ResourceConfig config, ScheduledResource parent) {
        this.config = config;
        this.parent = parent;
        this.managed = config.managed();
        this.priority = config.priority();
        this.baseId = config.id();
    }

    /** True for a clone or promotable clone. */
    public boolean isClone() {
        return variant() == Variant.CLONE;
    }

    /** The top-level resource this one belongs to (Pacemaker's uber_parent). */
    public ScheduledResource top() {
        ScheduledResource rsc = this;
        while (rsc.parent != null) {
            rsc = rsc.parent;
        }
        return rsc;
    }

    /** The clone this resource is an instance of or inside of, or null. */
    public ScheduledResource cloneAncestor() {
        for (ScheduledResource p = parent; p != null; p = p.parent) {
            if (p.isClone()) {
                return p;
            }
        }
        return null;
    }

    /** True if it belongs to a promotable clone. */
    public boolean inPromotable() {
        ScheduledResource clone = cloneAncestor();
        return clone != null && clone.clone.promotable();
    }

    /** The instance number of a clone instance (the number after the last colon). */
    public int instanceNumber() {
        String id = id();
        int colon = id.lastIndexOf(':');
        try {
            return colon < 0 ? 0 : Integer.parseInt(id.substring(colon + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public ResourceConfig config() {
        return config;
    }

    public String id() {
        return config.id();
    }

    public Variant variant() {
        return config.variant();
    }

    public ScheduledResource parent() {
        return parent;
    }

    public List<ScheduledResource> children() {
        return children;
    }

    /** The node it runs on if on exactly one (Pacemaker's pe__current_node: the first). */
    public String currentNode() {
        return runningOn.isEmpty() ? null : runningOn.get(0);
    }

    /** The first group member, or null. */
    public ScheduledResource firstChild() {
        return children.isEmpty() ? null : children.get(0);
    }

    /** The last group member, or null. */
    public ScheduledResource lastChild() {
        return children.isEmpty() ? null : children.get(children.size() - 1);
    }

    /** All primitives at or below this resource, in order. */
    public List<ScheduledResource> primitives() {
        if (children.isEmpty()) {
            return variant() == Variant.PRIMITIVE ? List.of(this) : List.of();
        }
        List<ScheduledResource> result = new ArrayList<>();
        for (ScheduledResource child : children) {
            result.addAll(child.primitives());
        }
        return result;
    }

    /** Adds a score for a node, creating the entry with the node's base weight if needed. */
    public void addScore(String node, int baseWeight, int score) {
        allowed.merge(node, Scores.add(baseWeight, score), (old, ignored) -> Scores.add(old, score));
    }

    public void setNextRole(Role role) {
        this.nextRole = role;
    }

    @Override
    public String toString() {
        return id();
    }
}
