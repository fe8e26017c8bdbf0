package org.halyard.crmsh;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test's own, deliberately naive reading of crm text into facts ("primitive drbd
 * ocf:linbit:drbd", "drbd param drbd_resource=nfs", "colocation fs_deps score=INFINITY rsc=HA
 * with=ms_drbd role=Master"...). It shares no code with the parser, so comparing its facts
 * with {@link ModelFacts} of the parsed CIB checks the parser against the text itself. It
 * covers the statement forms found in the seeds; the crm shell's rules it needs are noted.
 */
final class TextFacts {

    private static final Pattern WORD = Pattern.compile("(?:[^\\s\"']|\"[^\"]*\"|'[^']*')+");

    private TextFacts() {
    }

    static TreeSet<String> of(String text) {
        TreeSet<String> facts = new TreeSet<>();
        for (List<String> words : statements(text)) {
            String command = words.get(0);
            switch (command) {
                case "node" -> node(words, facts);
                case "primitive" -> primitive(words, facts);
                case "group", "clone", "ms" -> container(words, facts);
                case "location" -> location(words, facts);
                case "colocation" -> facts.add("colocation " + words.get(1) + " score="
                        + score(words.get(2)) + " rsc=" + ref(words.get(3), "role") + " with="
                        + ref(words.get(4), "role"));
                case "order" -> facts.add("order " + words.get(1) + " kind="
                        + kind(words.get(2)) + " first=" + ref(words.get(3), "action")
                        + " then=" + ref(words.get(4), "action"));
                case "property", "rsc_defaults" -> options(words, facts);
                default -> throw new IllegalArgumentException("not in the seeds: " + command);
            }
        }
        return facts;
    }

    /** Statements as word lists: continuation lines joined, quotes removed. */
    private static List<List<String>> statements(String text) {
        List<List<String>> statements = new ArrayList<>();
        String joined = text.replaceAll("\\\\[ \\t]*\\n", " ");
        for (String line : joined.split("\n")) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            List<String> words = new ArrayList<>();
            Matcher word = WORD.matcher(line);
            while (word.find()) {
                words.add(word.group().replace("\"", "").replace("'", ""));
            }
            statements.add(words);
        }
        return statements;
    }

    private static void node(List<String> words, TreeSet<String> facts) {
        boolean explicitId = words.get(1).startsWith("$id=");
        String uname = words.get(explicitId ? 2 : 1);
        // crm: without $id the node's id is its name
        facts.add("node " + uname + " id=" + (explicitId ? words.get(1).substring(4) : uname));
        attributes(words, explicitId ? 3 : 2, uname, facts);
    }

    private static void primitive(List<String> words, TreeSet<String> facts) {
        String id = words.get(1);
        String agent = words.get(2);
        // crm: a bare type is ocf:<provider>:type; the seeds' agents are heartbeat's
        agent = agent.contains(":") ? agent : "ocf:heartbeat:" + agent;
        facts.add("primitive " + id + " " + agent);
        attributes(words, 3, id, facts);
    }

    private static void container(List<String> words, TreeSet<String> facts) {
        // crm: ms is the legacy <master> element
        String kind = words.get(0).equals("ms") ? "master" : words.get(0);
        List<String> members = new ArrayList<>();
        int i = 2;
        while (i < words.size() && !words.get(i).equals("meta") && !words.get(i).equals("params")) {
            members.add(words.get(i++));
        }
        facts.add(kind + " " + words.get(1) + " members=" + String.join(",", members));
        attributes(words, i, words.get(1), facts);
    }

    /** params/meta/attributes/op lists from word {@code from} on, as facts about {@code id}. */
    private static void attributes(List<String> words, int from, String id, TreeSet<String> facts) {
        String list = "param"; // crm: pairs right after the agent are params
        for (int i = from; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "params" -> list = "param";
                case "meta" -> list = "meta";
                case "attributes" -> list = "attribute";
                case "op" -> {
                    TreeSet<String> attrs = new TreeSet<>();
                    String name = words.get(++i);
                    while (i + 1 < words.size() && words.get(i + 1).contains("=")) {
                        attrs.add(words.get(++i));
                    }
                    if (attrs.stream().noneMatch(a -> a.startsWith("interval="))) {
                        attrs.add("interval=0"); // crm writes one-shot intervals as 0
                    }
                    facts.add(id + " op " + name + " " + String.join(",", attrs));
                }
                default -> facts.add(id + " " + list + " " + word);
            }
        }
    }

    private static void location(List<String> words, TreeSet<String> facts) {
        String head = "location " + words.get(1) + " rsc=" + words.get(2);
        if (!words.get(3).equals("rule")) {
            facts.add(head + " score=" + score(words.get(3)) + " node=" + words.get(4));
            return;
        }
        StringBuilder rule = new StringBuilder(head + " rule");
        for (String word : words.subList(4, words.size())) {
            if (word.startsWith("$role=")) {
                rule.append(" role=").append(word.substring(6));
            } else if (word.endsWith(":")) {
                rule.append(" score=").append(score(word));
            } else if (!word.startsWith("$id=")) {
                rule.append(' ').append(word);
            }
        }
        facts.add(rule.toString());
    }

    private static void options(List<String> words, TreeSet<String> facts) {
        String id = words.get(0).equals("property") ? "cib-bootstrap-options" : "rsc-options";
        for (String word : words.subList(1, words.size())) {
            if (word.startsWith("$id=")) {
                id = word.substring(4);
            } else {
                facts.add(words.get(0) + " " + id + " " + word);
            }
        }
    }

    private static String score(String word) {
        String score = word.endsWith(":") ? word.substring(0, word.length() - 1) : word;
        return score.replaceAll("(?i)inf(inity)?", "INFINITY");
    }

    /** crm: order scores become kinds, 0 Optional and any other Mandatory. */
    private static String kind(String word) {
        String kind = word.substring(0, word.length() - 1).toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "mandatory", "optional", "serialize" ->
                    Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
            default -> score(kind).equals("0") ? "Optional" : "Mandatory";
        };
    }

    private static String ref(String word, String what) {
        int colon = word.indexOf(':');
        return colon < 0 ? word : word.substring(0, colon) + " " + what + "="
                + word.substring(colon + 1);
    }
}
