package org.halyard.agents;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One request to an agent: run {@code action} for resource {@code resourceId} with its instance attributes.
 *
 * @param resourceId the resource (instance) name, passed to OCF agents as {@code OCF_RESOURCE_INSTANCE}
 * @param interval   0 for a one-shot action or probe, else the recurring monitor interval
 *                   (passed as {@code CRM_meta_interval} in milliseconds)
 * @param timeout    after this long the agent's whole process group is killed
 * @param params     instance attributes, passed to OCF agents as {@code OCF_RESKEY_<name>} and to fence agents
 *                   as {@code name=value} lines
 * @param meta       meta attributes, passed to OCF agents as {@code OCF_RESKEY_CRM_meta_<name>} ({@code -} becomes
 *                   {@code _}); notification variables go here too ({@code notify_type}, {@code notify_operation},
 *                   {@code notify_start_uname}, ...)
 * @param target     the node to fence for stonith actions ({@code off}, {@code reboot}, {@code on}, {@code status}
 *                   of a plug), {@code null} otherwise
 */
public record Operation(String resourceId, AgentType agent, String action, Duration interval, Duration timeout,
        Map<String, String> params, Map<String, String> meta, String target) {

    public static final String START = "start";
    public static final String STOP = "stop";
    public static final String MONITOR = "monitor";
    /** LSB and fence agents' name for a monitor without interval. */
    public static final String STATUS = "status";
    public static final String PROMOTE = "promote";
    public static final String DEMOTE = "demote";
    public static final String NOTIFY = "notify";
    public static final String META_DATA = "meta-data";
    public static final String VALIDATE_ALL = "validate-all";
    public static final String RELOAD = "reload";
    public static final String RELOAD_AGENT = "reload-agent";
    public static final String MIGRATE_TO = "migrate_to";
    public static final String MIGRATE_FROM = "migrate_from";
    /** Fence actions. */
    public static final String OFF = "off";
    public static final String ON = "on";
    public static final String REBOOT = "reboot";
    public static final String LIST = "list";

    /** Pacemaker's default operation timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);

    public Operation {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(timeout, "timeout");
        if (resourceId.isEmpty() || action.isEmpty()) {
            throw new AgentException("operation needs a resource id and an action, got \"" + resourceId + "\" / \""
                    + action + "\"");
        }
        if (interval.isNegative()) {
            throw new AgentException(resourceId + " " + action + ": negative interval " + interval);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new AgentException(resourceId + " " + action + ": timeout must be positive, got " + timeout);
        }
        params = sortedCopy(params, resourceId, action, "parameter");
        meta = sortedCopy(meta, resourceId, action, "meta attribute");
    }

    /** A one-shot operation with no parameters and the default timeout. */
    public static Operation of(String resourceId, AgentType agent, String action) {
        return new Operation(resourceId, agent, action, Duration.ZERO, DEFAULT_TIMEOUT, Map.of(), Map.of(), null);
    }

    public Operation withParams(Map<String, String> newParams) {
        return new Operation(resourceId, agent, action, interval, timeout, newParams, meta, target);
    }

    public Operation withMeta(Map<String, String> newMeta) {
        return new Operation(resourceId, agent, action, interval, timeout, params, newMeta, target);
    }

    public Operation withTimeout(Duration newTimeout) {
        return new Operation(resourceId, agent, action, interval, newTimeout, params, meta, target);
    }

    public Operation withInterval(Duration newInterval) {
        return new Operation(resourceId, agent, action, newInterval, timeout, params, meta, target);
    }

    public Operation withTarget(String newTarget) {
        return new Operation(resourceId, agent, action, interval, timeout, params, meta, newTarget);
    }

    /** The same request for another action, e.g. the stop after a start. */
    public Operation withAction(String newAction) {
        return new Operation(resourceId, agent, newAction, interval, timeout, params, meta, target);
    }

    /** Monitors and status checks: their valid answers include "not running". */
    public boolean isStatusCheck() {
        return action.equals(MONITOR) || action.equals(STATUS);
    }

    /** For messages: {@code ip start (ocf:heartbeat:IPaddr2)}. */
    public String description() {
        return resourceId + " " + action + (interval.isZero() ? "" : " every " + interval.toMillis() + " ms") + " ("
                + agent + ")";
    }

    /** Pacemaker's operation key, e.g. {@code ip_monitor_10000}. */
    public String key() {
        return resourceId + "_" + action + "_" + interval.toMillis();
    }

    private static Map<String, String> sortedCopy(Map<String, String> map, String resourceId, String action,
            String what) {
        Objects.requireNonNull(map, what + "s");
        TreeMap<String, String> copy = new TreeMap<>();
        map.forEach((name, value) -> {
            if (name == null || name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0
                    || name.indexOf('\n') >= 0) {
                throw new AgentException(resourceId + " " + action + ": invalid " + what + " name \"" + name + "\"");
            }
            if (value == null || value.indexOf('\0') >= 0) {
                throw new AgentException(resourceId + " " + action + ": " + what + " \"" + name
                        + "\" has no value or contains a NUL character");
            }
            copy.put(name, value);
        });
        return Collections.unmodifiableMap(copy);
    }
}
