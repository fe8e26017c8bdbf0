package org.halyard.scheduler.rules;

import java.util.Locale;
import java.util.Map;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.Rule;

/**
 * Evaluates rules against a node's attributes, as location constraints use them. Date
 * expressions are reported by {@link #usesDates(Rule)} and must be rejected by the caller;
 * here they never match.
 */
public final class NodeRules {

    private NodeRules() {
    }

    /** Whether the rule holds for a node with these attributes. */
    public static boolean matches(Rule rule, Map<String, String> attributes) {
        boolean and = rule.isConjunction();
        boolean any = false;
        for (CibElement condition : rule.conditions()) {
            boolean result = switch (condition) {
                case Rule nested -> matches(nested, attributes);
                case Expression expression -> matches(expression, attributes);
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

    /** True if the rule (or a nested rule) contains a date expression. */
    public static boolean usesDates(Rule rule) {
        for (CibElement condition : rule.conditions()) {
            if (condition instanceof Rule nested ? usesDates(nested)
                    : !(condition instanceof Expression)) {
                return true;
            }
        }
        return false;
    }

    static boolean matches(Expression expression, Map<String, String> attributes) {
        String op = expression.getOperation() == null ? "" : expression.getOperation();
        String actual = attributes.get(expression.getAttribute());
        switch (op) {
            case "defined":
                return actual != null;
            case "not_defined":
                return actual == null;
            default:
                break;
        }
        String expected = expression.getValue();
        if (actual == null || expected == null) {
            // ne holds when the attribute is missing
            return "ne".equals(op) && (actual != null || expected != null);
        }
        int cmp = compare(actual, expected, typeOf(expression.getType(), op));
        return switch (op) {
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            case "lt" -> cmp < 0;
            case "lte" -> cmp <= 0;
            case "gt" -> cmp > 0;
            case "gte" -> cmp >= 0;
            default -> false;
        };
    }

    private static String typeOf(String type, String op) {
        if (type != null) {
            return type.toLowerCase(Locale.ROOT);
        }
        return switch (op) {
            case "lt", "lte", "gt", "gte" -> "number";
            default -> "string";
        };
    }

    private static int compare(String left, String right, String type) {
        switch (type) {
            case "integer", "number":
                try {
                    return Double.compare(Double.parseDouble(left.trim()),
                            Double.parseDouble(right.trim()));
                } catch (NumberFormatException e) {
                    return left.compareToIgnoreCase(right);
                }
            case "version":
                return compareVersions(left, right);
            default:
                return left.compareToIgnoreCase(right);
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
