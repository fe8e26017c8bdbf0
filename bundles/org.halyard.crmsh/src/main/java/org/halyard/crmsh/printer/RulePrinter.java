package org.halyard.crmsh.printer;

import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.rules.DateExpression;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.Rule;
import org.halyard.crmsh.parser.DateFields;

/**
 * {@code rule [$id=..] [$role=..] [<score>:] <expression> [and|or <expression>]...} or
 * {@code rule $id-ref=..}, as crm shows them: no score for INFINITY, no type string, values
 * unquoted, ids only where another rule refers to them. What crm syntax cannot say here
 * (nested rules, rules without a score, values with spaces or braces, date fields crm does not
 * know...) makes the caller show the constraint as xml, as crm does.
 */
final class RulePrinter {

    private static final Set<String> BINARY_OPS = Set.of("lt", "gt", "lte", "gte", "eq", "ne");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "version");
    private static final Set<String> VALUE_SOURCES = Set.of("param", "meta");
    /** Attribute names crm would read as the start of another kind of expression. */
    private static final Set<String> READ_AS_KEYWORD = Set.of("date", "defined", "not_defined");
    /** A value crm reads back from its unquoted form (it splits value{source} at braces). */
    private static final Pattern VALUE = Pattern.compile("[^\\s{}\"'\\\\]+");

    private RulePrinter() {
    }

    /**
     * The rule as crm text, or null if crm syntax cannot express it.
     *
     * @param referenced ids other rules refer to ({@code $id-ref}): only these rules show
     *                   their ids, as in crm; the others get the parser's ids when loaded
     */
    static String print(Rule rule, Set<String> referenced) {
        StringJoiner words = new StringJoiner(" ");
        words.add("rule");
        if (rule.getIdRef() != null) {
            if (rule.getId() != null || !rule.conditions().isEmpty()) {
                return null;
            }
            words.add("$id-ref=" + rule.getIdRef());
            if (rule.getRole() != null) {
                words.add("$role=" + rule.getRole());
            }
            return words.toString();
        }
        if (referenced.contains(rule.getId())) {
            words.add("$id=" + rule.getId()); // crm shows no other rule ids
        }
        if (rule.getRole() != null) {
            words.add("$role=" + rule.getRole());
        }
        String score = score(rule);
        if (score == null) {
            return null;
        }
        if (!score.isEmpty()) {
            words.add(score);
        }
        String op = rule.isConjunction() ? "and" : "or";
        boolean first = true;
        for (CibElement condition : rule.conditions()) {
            String text = condition(condition);
            if (text == null) {
                return null;
            }
            if (!first) {
                words.add(op);
            }
            words.add(text);
            first = false;
        }
        return first ? null : words.toString();
    }

    /** {@code <score>:}, empty for INFINITY (crm's default), or null if there is none. */
    private static String score(Rule rule) {
        if (rule.getScore() != null && rule.getScoreAttribute() == null) {
            return rule.getScore().equals("INFINITY") ? "" : Values.score(rule.getScore()) + ":";
        }
        if (rule.getScoreAttribute() != null && rule.getScore() == null) {
            return rule.getScoreAttribute() + ":";
        }
        return null;
    }

    private static String condition(CibElement condition) {
        if (condition instanceof Expression expression) {
            return expression(expression);
        }
        if (condition instanceof DateExpression date) {
            return date(date);
        }
        return null; // nested rules, rsc_expression, op_expression: no crm syntax here
    }

    private static String expression(Expression expression) {
        String operation = expression.getOperation();
        String attribute = expression.getAttribute();
        if (operation == null || !Values.isWord(attribute) || attribute.endsWith(":")
                || READ_AS_KEYWORD.contains(attribute)) {
            return null;
        }
        if (operation.equals("defined") || operation.equals("not_defined")) {
            return expression.getValue() == null && expression.getType() == null
                    && expression.getValueSource() == null ? operation + " " + attribute : null;
        }
        String value = expression.getValue();
        String type = expression.getType();
        String source = expression.getValueSource();
        if (!BINARY_OPS.contains(operation) || value == null || !VALUE.matcher(value).matches()
                || type != null && !TYPES.contains(type)
                || source != null && !VALUE_SOURCES.contains(source)) {
            return null;
        }
        // crm leaves string, the default type, out
        boolean shown = type != null && !type.equals("string");
        return attribute + " " + (shown ? type + ":" : "") + operation + " "
                + (source == null ? value : source + "{" + value + "}");
    }

    private static String date(DateExpression date) {
        String operation = date.getOperation() == null ? "in_range" : date.getOperation();
        boolean durationOrSpec = date.duration().isPresent() || date.dateSpec().isPresent();
        StringJoiner words = new StringJoiner(" ");
        words.add("date");
        switch (operation) {
            case "gt" -> {
                if (date.getStart() == null || date.getEnd() != null || durationOrSpec) {
                    return null;
                }
                words.add("gt").add(Values.quote(date.getStart()));
            }
            case "lt" -> {
                if (date.getEnd() == null || date.getStart() != null || durationOrSpec) {
                    return null;
                }
                words.add("lt").add(Values.quote(date.getEnd()));
            }
            case "in_range" -> {
                words.add("in");
                int fields = 0;
                if (date.getStart() != null) {
                    words.add(Values.pair("start", date.getStart()));
                    fields++;
                }
                if (date.getEnd() != null) {
                    words.add(Values.pair("end", date.getEnd()));
                    fields++;
                }
                if (date.dateSpec().isPresent()) {
                    return null;
                }
                Map<String, String> duration = date.duration().map(DateFields::of)
                        .orElse(Map.of());
                if (!add(words, duration) || fields + duration.size() < 2) {
                    return null; // crm reads "date in" with two fields at least
                }
            }
            case "date_spec" -> {
                if (date.dateSpec().isEmpty() || date.duration().isPresent()
                        || date.getStart() != null || date.getEnd() != null) {
                    return null;
                }
                Map<String, String> spec = DateFields.of(date.dateSpec().get());
                if (spec.isEmpty() || !add(words.add("spec"), spec)) {
                    return null;
                }
            }
            default -> {
                return null;
            }
        }
        return words.toString();
    }

    /** Adds the fields; false if one of them is not in crm syntax. */
    private static boolean add(StringJoiner words, Map<String, String> fields) {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (!DateFields.CRM.contains(field.getKey())) {
                return false;
            }
            words.add(Values.pair(field.getKey(), field.getValue()));
        }
        return true;
    }
}
