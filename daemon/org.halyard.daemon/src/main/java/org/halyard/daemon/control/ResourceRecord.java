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

    /** The last one-shot operation (start, stop, promote, demote or a probe). */
    public OperationRecord last() {
        return operations.get(id + "_last_0");
    }
}
