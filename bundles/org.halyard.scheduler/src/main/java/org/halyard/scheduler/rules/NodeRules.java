package org.halyard.scheduler.rules;

import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.rules.DateExpression;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.ResourceExpression;
import org.halyard.cib.model.rules.Rule;

/**
 * Evaluates rules against a node's attributes and the time, as location constraints and
 * attribute sets use them.
 */
public final class NodeRules {

    private NodeRules() {
    }

    /** Whether the rule holds for a node with these attributes; date expressions never do. */
    public static boolean matches(Rule rule, Map<String, String> attributes) {
        return matches(rule, attributes, null);
    }

    /** Whether the rule holds for a node with these attributes at this time (UTC). */
    public static boolean matches(Rule rule, Map<String, String> attributes,
            LocalDateTime now) {
        return matches(rule, attributes, now, Map.of(), Map.of());
    }

    /**
     * Whether the rule holds for a node, at this time, for a resource: an expression with
     * value-source "param" or "meta" compares with the resource's parameter or meta-attribute
     * named by its value.
     */
    public static boolean matches(Rule rule, Map<String, String> attributes, LocalDateTime now,
            Map<String, String> params, Map<String, String> meta) {
        return matches(rule, new RuleInput(attributes, now, params, meta, null));
    }

    /**
     * What a rule is evaluated against.
     *
     * @param agent {class, provider, type} of the resource for rsc_expression, or null
     */
    public record RuleInput(Map<String, String> attributes, LocalDateTime now,
            Map<String, String> params, Map<String, String> meta, String[] agent) {
    }

    public static boolean matches(Rule rule, RuleInput input) {
        boolean and = rule.isConjunction();
        boolean any = false;
        for (CibElement condition : rule.conditions()) {
            boolean result = switch (condition) {
                case Rule nested -> matches(nested, input);
                case Expression expression -> matches(expression, input.attributes(),
                        expectedValue(expression, input.params(), input.meta()));
                case DateExpression date -> input.now() != null
                        && DateRules.matches(date, input.now());
                case ResourceExpression agent -> input.agent() != null
                        && same(agent.getAgentClass(), input.agent()[0])
                        && same(agent.getProvider(), input.agent()[1])
                        && same(agent.getType(), input.agent()[2]);
                default -> false;
            };
            if (and && !result) {
                return false;
            }
            if (!and && result) {
                return true;
            }
            any = true;
        }
        // An "and" rule holds when nothing failed; so does an empty rule
        return and || !any;
    }

    /** An rsc_expression field that is not given matches anything. */
    private static boolean same(String wanted, String actual) {
        return wanted == null || wanted.equals(actual);
    }

    private static String expectedValue(Expression expression, Map<String, String> params,
            Map<String, String> meta) {
        String source = expression.getValueSource();
        if ("param".equalsIgnoreCase(source)) {
            return expression.getValue() == null ? null : params.get(expression.getValue());
        } else if ("meta".equalsIgnoreCase(source)) {
            return expression.getValue() == null ? null : meta.get(expression.getValue());
        }
        return expression.getValue();
    }

    static boolean matches(Expression expression, Map<String, String> attributes,
            String expected) {
        String op = expression.getOperation() == null ? "" : expression.getOperation()
                .toLowerCase(Locale.ROOT);
        String actual = attributes.get(expression.getAttribute());
        switch (op) {
            case "defined":
                return actual != null;
            case "not_defined":
                return actual == null;
            default:
                break;
        }
        int cmp = compare(actual, expected, expression.getType(), op);
        if ("eq".equals(op)) {
            return cmp == 0;
        } else if ("ne".equals(op)) {
            return cmp != 0;
        } else if (actual == null || expected == null) {
            return false; // an ordering with a missing value is meaningless
        }
        return switch (op) {
            case "lt" -> cmp < 0;
            case "lte" -> cmp <= 0;
            case "gt" -> cmp > 0;
            case "gte" -> cmp >= 0;
            default -> false;
        };
    }

    /** Pacemaker's compare_attr_expr_vals: a missing value sorts first. */
    private static int compare(String left, String right, String type, String op) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : -1) : 1;
        }
        String kind = type == null ? null : type.toLowerCase(Locale.ROOT);
        if (kind == null) {
            boolean ordering = switch (op) {
                case "lt", "lte", "gt", "gte" -> true;
                default -> false;
            };
            kind = !ordering ? "string"
                    : left.contains(".") || right.contains(".") ? "number" : "integer";
        }
        switch (kind) {
            case "integer": {
                // Like strtoll: the leading integer counts, "3.6" is 3
                Long l = CNumbers.leadingInteger(left);
                Long r = CNumbers.leadingInteger(right);
                return l != null && r != null ? Long.compare(l, r)
                        : compare(left, right, "string", op);
            }
            case "number": {
                Double l = CNumbers.leadingDouble(left);
                Double r = CNumbers.leadingDouble(right);
                return l != null && r != null ? Double.compare(l, r)
                        : compare(left, right, "string", op);
            }
            case "version":
                return compareVersions(left, right);
            case "string":
                return Integer.signum(left.compareToIgnoreCase(right));
            default:
                return 0;
        }
    }

    private static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            long x = i < a.length ? parseOrZero(a[i]) : 0;
            long y = i < b.length ? parseOrZero(b[i]) : 0;
            if (x != y) {
                return Long.compare(x, y);
            }
        }
        return 0;
    }

    private static long parseOrZero(String part) {
        try {
            return Long.parseLong(part.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
