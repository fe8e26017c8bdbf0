package org.halyard.crmsh.printer;

import java.util.Map;
import java.util.StringJoiner;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.rules.DateExpression;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.Rule;
import org.halyard.crmsh.parser.DateFields;

/** {@code rule [$id=..] [$role=..] <score>: <expression> [and|or <expression>]...}. */
final class RulePrinter {

    private RulePrinter() {
    }

    /** The rule as crm text, or null if crm syntax cannot express it (nested rules...). */
    static String print(Rule rule, String ownerId) {
        StringJoiner words = new StringJoiner(" ");
        words.add("rule");
        if (!Values.isGenerated(rule.getId(), ownerId + "-rule")) {
            words.add("$id=" + rule.getId());
        }
        if (rule.getRole() != null) {
            words.add("$role=" + rule.getRole());
        }
        if (rule.getScore() != null) {
            words.add(Values.score(rule.getScore()) + ":");
        } else if (rule.getScoreAttribute() != null) {
            words.add(rule.getScoreAttribute() + ":");
        } else {
            words.add("0:");
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
        if (operation == null || expression.getAttribute() == null
                || expression.getValueSource() != null) {
            return null;
        }
        if (operation.equals("defined") || operation.equals("not_defined")) {
            return operation + " " + expression.getAttribute();
        }
        if (expression.getValue() == null) {
            return null;
        }
        String type = expression.getType() == null ? "" : expression.getType() + ":";
        return expression.getAttribute() + " " + type + operation + " "
                + Values.quote(expression.getValue());
    }

    private static String date(DateExpression date) {
        String operation = date.getOperation() == null ? "in_range" : date.getOperation();
        StringJoiner words = new StringJoiner(" ");
        words.add("date");
        switch (operation) {
            case "gt" -> words.add("gt").add(Values.quote(date.getStart()));
            case "lt" -> words.add("lt").add(Values.quote(date.getEnd()));
            case "in_range" -> {
                words.add("in");
                if (date.getStart() != null) {
                    words.add(Values.pair("start", date.getStart()));
                }
                if (date.getEnd() != null) {
                    words.add(Values.pair("end", date.getEnd()));
                }
                date.duration().ifPresent(duration -> add(words, DateFields.of(duration)));
            }
            case "date_spec" -> {
                words.add("spec");
                if (date.dateSpec().isEmpty()) {
                    return null;
                }
                add(words, DateFields.of(date.dateSpec().get()));
            }
            default -> {
                return null;
            }
        }
        return words.toString();
    }

    private static void add(StringJoiner words, Map<String, String> fields) {
        fields.forEach((name, value) -> words.add(Values.pair(name, value)));
    }
}
