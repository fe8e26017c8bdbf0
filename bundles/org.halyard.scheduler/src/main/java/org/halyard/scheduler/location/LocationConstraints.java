package org.halyard.scheduler.location;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.Rule;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.Role;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Scores;
import org.halyard.scheduler.resource.Variant;
import org.halyard.scheduler.rules.NodeRules;

/**
 * Location constraints: node scores from {@code rsc_location} (a score for one node, or rules
 * on node attributes), applied to the resource's allowed node scores.
 */
public final class LocationConstraints {

    private final List<ClusterNode> nodes;
    private final Map<String, ScheduledResource> resources;
    private final List<ScheduledResource> topLevel;
    private final java.time.LocalDateTime now;

    /** @param now the time date expressions are evaluated at (UTC) */
    public LocationConstraints(List<ClusterNode> nodes, Map<String, ScheduledResource> resources,
            List<ScheduledResource> topLevel, java.time.LocalDateTime now) {
        this.nodes = nodes;
        this.now = now;
        this.resources = resources;
        this.topLevel = topLevel;
    }

    /** Applies every location constraint (order does not matter: score addition commutes). */
    public void apply(List<LocationConstraint> constraints) {
        for (LocationConstraint constraint : constraints) {
            List<ResourceSet> sets = constraint.resourceSets();
            if (!sets.isEmpty()) {
                for (ResourceSet set : sets) {
                    for (String id : set.resourceIds()) {
                        ScheduledResource rsc = resources.get(id);
                        if (rsc != null) {
                            apply(constraint, rsc, set.getRole(), set.getScore(), null);
                        }
                    }
                }
            } else if (constraint.getRsc() != null) {
                ScheduledResource rsc = resources.get(constraint.getRsc());
                if (rsc != null) {
                    apply(constraint, rsc, null, null, null);
                }
            } else if (constraint.getRscPattern() != null) {
                applyPattern(constraint);
            }
        }
    }

    private void applyPattern(LocationConstraint constraint) {
        String pattern = constraint.getRscPattern();
        boolean invert = pattern.startsWith("!");
        Pattern regex;
        try {
            regex = Pattern.compile(invert ? pattern.substring(1) : pattern);
        } catch (PatternSyntaxException e) {
            return;
        }
        for (ScheduledResource rsc : topLevel) {
            Matcher matcher = regex.matcher(rsc.id());
            boolean found = matcher.find();
            if (found != invert) {
                apply(constraint, rsc, null, null, invert ? null : matcher);
            }
        }
    }

    private void apply(LocationConstraint constraint, ScheduledResource rsc, String setRole,
            String setScore, Matcher match) {
        String score = setScore != null ? setScore : constraint.getScore();
        String role = setRole != null ? setRole : constraint.getRole();
        if (constraint.getNode() != null && score != null) {
            ClusterNode node = findNode(constraint.getNode());
            if (node != null) {
                Map<String, Integer> list = new LinkedHashMap<>();
                list.put(node.uname(), Scores.parse(score));
                applyToResource(rsc, list, roleFilter(role));
            }
            return;
        }
        for (Rule rule : constraint.rules()) {
            Map<String, Integer> list = ruleNodes(rule, match, rsc);
            if (!list.isEmpty()) {
                applyToResource(rsc, list, roleFilter(rule.getRole()));
            }
        }
    }

    private ClusterNode findNode(String name) {
        for (ClusterNode node : nodes) {
            if (node.uname().equalsIgnoreCase(name)) {
                return node;
            }
        }
        return null;
    }

    private static Role roleFilter(String role) {
        Role parsed = Role.parse(role);
        return parsed == Role.PROMOTED ? Role.PROMOTED : Role.UNKNOWN;
    }

    /** Nodes where the rule holds, with the score the rule gives each. */
    private Map<String, Integer> ruleNodes(Rule rule, Matcher match, ScheduledResource rsc) {
        String score = rule.getScore();
        boolean raw = true;
        if (score == null && rule.getScoreAttribute() != null) {
            score = rule.getScoreAttribute();
            raw = false;
            if (match != null) {
                score = expand(score, match);
            }
        }
        boolean and = rule.isConjunction();
        Map<String, Integer> result = new LinkedHashMap<>();
        for (ClusterNode node : nodes) {
            // A value-source of param compares with the parameters as they are on that node
            Map<String, String> params = usesParameters(rule)
                    ? rsc.config().parameters().on(node.attributes(), now) : Map.of();
            if (NodeRules.matches(rule, node.attributes(), now, params, rsc.config().meta())) {
                int value = nodeScore(score, raw, node);
                result.put(node.uname(), and ? value : Scores.add(0, value));
            }
        }
        return result;
    }

    private static boolean usesParameters(Rule rule) {
        for (CibElement condition : rule.conditions()) {
            if (condition instanceof Rule nested ? usesParameters(nested)
                    : condition instanceof Expression e && "param".equalsIgnoreCase(e.getValueSource())) {
                return true;
            }
        }
        return false;
    }

    private static String expand(String text, Matcher match) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1))) {
                int group = text.charAt(++i) - '0';
                if (group <= match.groupCount() && match.group(group) != null) {
                    out.append(match.group(group));
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static int nodeScore(String score, boolean raw, ClusterNode node) {
        if (score == null) {
            return 0;
        }
        if (raw) {
            return Scores.parse(score);
        }
        String value = node.attribute(score);
        return value == null ? -Scores.INFINITY : Scores.parse(value);
    }

    /**
     * Applies node scores to a resource; for a colocated group the first member gets the
     * scores and later members only the node entries (their scores reach the group through
     * the internal colocation); a clone passes them on to every instance. Scores for the
     * Promoted role are kept for choosing which instances to promote.
     */
    public static void applyToResource(ScheduledResource rsc, Map<String, Integer> list,
            Role roleFilter) {
        if (roleFilter == Role.PROMOTED) {
            rsc.promotedLocations.add(Map.copyOf(list));
        }
        applyWithin(rsc, list, roleFilter);
    }

    private static void applyWithin(ScheduledResource rsc, Map<String, Integer> list,
            Role roleFilter) {
        applyToOne(rsc, list, roleFilter);
        if (rsc.isClone()) {
            rsc.children().forEach(child -> applyWithin(child, list, roleFilter));
            return;
        }
        if (rsc.variant() != Variant.GROUP) {
            return;
        }
        boolean reset = rsc.config().groupColocated();
        Map<String, Integer> zeroed = new LinkedHashMap<>();
        list.keySet().forEach(node -> zeroed.put(node, 0));
        boolean first = true;
        for (ScheduledResource member : rsc.children()) {
            applyToOne(member, first || !reset ? list : zeroed, roleFilter);
            first = false;
        }
    }

    private static void applyToOne(ScheduledResource rsc, Map<String, Integer> list,
            Role roleFilter) {
        if (roleFilter != Role.UNKNOWN && roleFilter != rsc.nextRole) {
            return;
        }
        list.forEach((node, score) -> rsc.addScore(node, 0, score));
    }

    /** Features of these constraints the scheduler does not implement yet, by name. */
    public static List<String> unsupported(List<LocationConstraint> constraints) {
        List<String> result = new ArrayList<>();
        for (LocationConstraint constraint : constraints) {
            for (Rule rule : constraint.rules()) {
                if (rule.getIdRef() != null) {
                    result.add("rule references");
                }
            }
            if ("exclusive".equals(constraint.getResourceDiscovery())) {
                result.add("exclusive resource discovery");
            }
            if (!constraint.lifetimes().isEmpty()) {
                result.add("constraint lifetime");
            }
        }
        return result;
    }
}
