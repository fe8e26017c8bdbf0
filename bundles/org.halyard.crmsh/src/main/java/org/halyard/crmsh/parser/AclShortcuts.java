package org.halyard.crmsh.parser;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * crm's shortcuts for the XPaths of ACL rules ({@code meta:web:target-role}, {@code status}...)
 * in both directions: the parser expands them, the printer shows an XPath as its shortcut when
 * it is one, as crm does. {@code {0}} and {@code {1}} stand for the arguments after the name.
 */
public final class AclShortcuts {

    /**
     * A shortcut with {@code required} arguments; one more adds {@code optional}.
     *
     * @param usage how it is written, for messages
     */
    private record Shortcut(String name, String usage, int required, String xpath,
            String optional) {

        int maxArguments() {
            return required + (optional == null ? 0 : 1);
        }
    }

    private static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("cib", "cib", 0, "/cib", null),
            new Shortcut("status", "status", 0, "/cib/status", null),
            new Shortcut("property", "property[:<name>]", 0, "//crm_config/cluster_property_set",
                    "/nvpair[@name='{0}']"),
            new Shortcut("node", "node[:<node>]", 0, "//nodes/node", "[@uname='{0}']"),
            new Shortcut("nodeattr", "nodeattr[:<name>]", 0, "//nodes/node/instance_attributes",
                    "/nvpair[@name='{0}']"),
            new Shortcut("nodeutil", "nodeutil[:<node>]", 0, "//nodes/node/utilization",
                    "[@uname='{0}']"),
            new Shortcut("meta", "meta:<rsc>[:<name>]", 1,
                    "//primitive[@id='{0}']/meta_attributes", "/nvpair[@name='{1}']"),
            new Shortcut("params", "params:<rsc>[:<name>]", 1,
                    "//primitive[@id='{0}']/instance_attributes", "/nvpair[@name='{1}']"),
            new Shortcut("utilization", "utilization:<rsc>", 1,
                    "//primitive[@id='{0}']/utilization", null),
            new Shortcut("location", "location:<rsc>", 1,
                    "//rsc_location[@id='cli-prefer-{0}' and @rsc='{0}']", null));

    /** What an argument may be for the shortcut to read back: no quote, colon or space. */
    private static final String ARGUMENT = "([^'\":\\s\\\\]+)";
    private static final Pattern SLOT = Pattern.compile("\\{([01])}");

    private AclShortcuts() {
    }

    /** The shortcut names, for messages. */
    public static List<String> names() {
        return SHORTCUTS.stream().map(Shortcut::name).toList();
    }

    static boolean isShortcut(String name) {
        return SHORTCUTS.stream().anyMatch(s -> s.name.equals(name));
    }

    /**
     * The XPath of {@code name:arg...}, or null if {@code name} is no shortcut.
     *
     * @throws IllegalArgumentException with what is wrong with the number of arguments
     */
    static String expand(String name, List<String> arguments) {
        for (Shortcut shortcut : SHORTCUTS) {
            if (!shortcut.name.equals(name)) {
                continue;
            }
            int n = arguments.size();
            if (n < shortcut.required || n > shortcut.maxArguments()) {
                throw new IllegalArgumentException("expected " + shortcut.usage);
            }
            String xpath = n > shortcut.required ? shortcut.xpath + shortcut.optional
                    : shortcut.xpath;
            for (int i = 0; i < n; i++) {
                xpath = xpath.replace("{" + i + "}", arguments.get(i));
            }
            return xpath;
        }
        return null;
    }

    /** The shortcut that stands for {@code xpath} ({@code meta:web:target-role}), or null. */
    public static String match(String xpath) {
        for (Shortcut shortcut : SHORTCUTS) {
            String found = match(shortcut, shortcut.xpath, xpath);
            if (found == null && shortcut.optional != null) {
                found = match(shortcut, shortcut.xpath + shortcut.optional, xpath);
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** Matches the template, {@code {i}} capturing argument i the first time, then the same. */
    private static String match(Shortcut shortcut, String template, String xpath) {
        StringBuilder regex = new StringBuilder();
        Set<String> seen = new HashSet<>();
        Matcher slot = SLOT.matcher(template);
        int from = 0;
        while (slot.find()) {
            regex.append(Pattern.quote(template.substring(from, slot.start())));
            String index = slot.group(1);
            regex.append(seen.add(index) ? ARGUMENT : "\\" + (Integer.parseInt(index) + 1));
            from = slot.end();
        }
        regex.append(Pattern.quote(template.substring(from)));
        Matcher matcher = Pattern.compile(regex.toString()).matcher(xpath);
        if (!matcher.matches()) {
            return null;
        }
        StringBuilder text = new StringBuilder(shortcut.name);
        for (int i = 1; i <= matcher.groupCount(); i++) {
            text.append(':').append(matcher.group(i));
        }
        return text.toString();
    }
}
