package org.halyard.crmsh.parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.halyard.cib.model.fencing.FencingLevel;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;

/**
 * {@code fencing_topology <devices>...} (the same levels for every node defined so far) or
 * {@code fencing_topology <target> <devices>... [<target> <devices>...]}, where a target is
 * {@code <node>:}, {@code attr:<name>=<value>} or {@code pattern:<regex>} and devices are
 * comma-separated stonith resources. Levels are numbered from 1 per target in the order written
 * and get the ids crm gives them ({@code fencing}, {@code fencing-0}...).
 */
final class FencingTopologyParser {

    private static final String DEVICES = "stonith resources (comma-separated for one level)";

    private final ConfigurationBuilder builder;

    FencingTopologyParser(ConfigurationBuilder builder) {
        this.builder = builder;
    }

    void fencingTopology(TokenCursor cursor) {
        Token command = cursor.statement().command();
        if (cursor.atEnd()) {
            throw cursor.expected(DEVICES + ", or a node name followed by \":\"");
        }
        FencingTopology topology = new FencingTopology();
        if (target(cursor.peek()) == null) {
            allNodes(cursor, command, topology);
        } else {
            byTarget(cursor, topology);
        }
        builder.setFencingTopology(command, topology);
    }

    /** The form without targets: each level for every node, nodes in the order defined. */
    private void allNodes(TokenCursor cursor, Token command, FencingTopology topology) {
        List<String> devices = new ArrayList<>();
        while (!cursor.atEnd()) {
            Token token = cursor.next();
            if (target(token) != null) {
                throw TokenCursor.at(token, "target " + token.raw() + " after levels without one:"
                        + " either every level follows its target or none does (then they are"
                        + " for every node)");
            }
            devices.add(devices(token));
        }
        List<String> nodes = builder.nodeNames();
        if (nodes.isEmpty()) {
            throw TokenCursor.at(command, "fencing_topology without targets applies to every"
                    + " node, but no node is defined before it: define the nodes first or"
                    + " write \"<node>: <devices>\"");
        }
        for (String node : nodes) {
            int index = 1;
            for (String level : devices) {
                topology.add(level(new String[] {node}, index++, level));
            }
        }
    }

    private void byTarget(TokenCursor cursor, FencingTopology topology) {
        Map<String, Integer> nextIndex = new HashMap<>();
        while (!cursor.atEnd()) {
            Token targetToken = cursor.next();
            String[] target = target(targetToken);
            if (cursor.atEnd() || target(cursor.peek()) != null) {
                throw cursor.expected(DEVICES + " for " + targetToken.raw());
            }
            String key = String.join("\u0000", target);
            while (!cursor.atEnd() && target(cursor.peek()) == null) {
                int index = nextIndex.merge(key, 1, Integer::sum);
                topology.add(level(target, index, devices(cursor.next())));
            }
        }
    }

    private FencingLevel level(String[] target, int index, String devices) {
        FencingLevel level = new FencingLevel();
        level.setId(builder.generate("fencing"));
        switch (target.length) {
            case 1 -> level.setTarget(target[0]);
            case 2 -> level.setTargetPattern(target[1]);
            default -> {
                level.setTargetAttribute(target[1]);
                level.setTargetValue(target[2]);
            }
        }
        level.setIndex(Integer.toString(index));
        level.setDevices(devices);
        return level;
    }

    /**
     * {@code {node}} for {@code node:}, {@code {"pattern", regex}} for {@code pattern:regex},
     * {@code {"attr", name, value}} for {@code attr:name=value}; null if the word is no target.
     */
    static String[] target(Token token) {
        String text = token.text();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("attr:") && text.indexOf('=') > 5) {
            int eq = text.indexOf('=');
            return new String[] {"attr", text.substring(5, eq), text.substring(eq + 1)};
        }
        if (lower.startsWith("pattern:") && text.length() > 8) {
            return new String[] {"pattern", text.substring(8)};
        }
        String node = Scores.scorePart(text);
        return node == null ? null : new String[] {node};
    }

    /** A level's devices: ids separated by commas, as the CIB keeps them. */
    private static String devices(Token token) {
        List<String> ids = new ArrayList<>();
        for (String id : token.text().split(",", -1)) {
            ids.add(Ids.require(new Token(id, token.raw(), token.position()),
                    "a fencing device in " + token.raw()));
        }
        return String.join(",", ids);
    }
}
