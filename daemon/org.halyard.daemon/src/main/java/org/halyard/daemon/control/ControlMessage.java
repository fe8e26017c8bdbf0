package org.halyard.daemon.control;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A controller message on the membership's {@value #TOPIC} topic: a header line of
 * space-separated words (the kind first) and an optional body (a node_state document).
 * <ul>
 * <li>{@code STATE node [txn action outcome]}: a node's whole history; with a reference when it
 * answers an action of a transition ({@code outcome} ok or failed)</li>
 * <li>{@code EXEC txn action node rsc task [source target]}: the DC asks a node to run an operation;
 * a migrate_to or migrate_from names the nodes the resource moves between</li>
 * <li>{@code FENCE txn action executor target device}: the DC asks a node to fence another</li>
 * <li>{@code FENCED target ok|failed txn action}: the fencing result</li>
 * <li>{@code CLEANUP rsc|* node|*}: forget failures and probe again</li>
 * <li>{@code ATTR node name [value]}: set (or with no value remove) a node's transient attribute</li>
 * <li>{@code BYE node}: the node leaves with nothing running</li>
 * </ul>
 */
public record ControlMessage(String kind, List<String> words, String body) {

    public static final String TOPIC = "crmd";
    /** Stands for "all" in CLEANUP. */
    public static final String ALL = "*";

    public static ControlMessage of(String kind, String... words) {
        return new ControlMessage(kind, List.of(words), "");
    }

    public ControlMessage withBody(String newBody) {
        return new ControlMessage(kind, words, newBody);
    }

    public String word(int index) {
        return words.get(index);
    }

    public byte[] encode() {
        for (String word : words) {
            if (word.isEmpty() || word.contains(" ") || word.contains("\n")) {
                throw new IllegalArgumentException("\"" + word + "\" cannot travel as a word of a " + kind
                        + " message");
            }
        }
        String header = words.isEmpty() ? kind : kind + " " + String.join(" ", words);
        return (header + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    public static ControlMessage decode(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String[] header = (newline < 0 ? text : text.substring(0, newline)).split(" ");
        String body = newline < 0 ? "" : text.substring(newline + 1);
        return new ControlMessage(header[0], List.of(Arrays.copyOfRange(header, 1, header.length)), body);
    }

    @Override
    public String toString() {
        return kind + " " + String.join(" ", words);
    }
}
