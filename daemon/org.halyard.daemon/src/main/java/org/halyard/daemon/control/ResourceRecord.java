package org.halyard.daemon.control;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A resource's history on one node ({@code lrm_resource}): its agent and the operation records
 * by record id. Immutable; a new result makes a new record.
 */
public record ResourceRecord(String id, String agentClass, String provider, String type,
        Map<String, OperationRecord> operations) {

    public ResourceRecord {
        operations = Map.copyOf(operations);
    }

    public ResourceRecord with(OperationRecord op) {
        Map<String, OperationRecord> copy = new LinkedHashMap<>(operations);
        copy.put(op.id(), op);
        return new ResourceRecord(id, agentClass, provider, type, copy);
    }

    public ResourceRecord without(String recordId) {
        Map<String, OperationRecord> copy = new LinkedHashMap<>(operations);
        copy.remove(recordId);
        return new ResourceRecord(id, agentClass, provider, type, copy);
    }

    /**
     * The last one-shot operation (start, stop, promote, demote, a probe, or a migration step,
     * which Pacemaker keeps in records of their own).
     */
    public OperationRecord last() {
        OperationRecord last = operations.get(id + "_last_0");
        for (String migration : new String[] {"_migrate_to_0", "_migrate_from_0"}) {
            OperationRecord op = operations.get(id + migration);
            if (op != null && (last == null || op.callId() > last.callId())) {
                last = op;
            }
        }
        return last;
    }
}
