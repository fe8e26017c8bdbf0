package org.halyard.crmsh.parser;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halyard.cib.model.rules.DateExpression;
import org.halyard.cib.model.rules.DateSpec;
import org.halyard.cib.model.rules.Duration;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.Rule;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;

/**
 * {@code rule [$id=<id>] [$role=<role>] [<score>:] <expression> [and|or <expression>]...} or
 * {@code rule $id-ref=<id>}, where an expression is {@code <attr> [type:]<op> <value>} (the
 * value may be {@code param{<name>}} or {@code meta{<name>}}), {@code defined|not_defined
 * <attr>} or {@code date ...}. Without a score the rule scores INFINITY. A rule has one
 * boolean-op, so and and or cannot be mixed, and crm syntax has no nested rules (as in crm).
 */
final class RuleParser {

    private static final Set<String> BINARY_OPS = Set.of("lt", "gt", "lte", "gte", "eq", "ne");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "version");
    private static final Set<String> VALUE_SOURCES = Set.of("param", "meta");
    private static final Pattern SOURCED_VALUE = Pattern.compile("([^\\s{}]+)\\{(\\S+)}");
    private static final String EXPRESSION = "an expression (<attribute> <op> <value>, defined"
            + " <attribute> or date ...)";
    private static final String DATE_FIELDS = String.join("=, ", DateFields.CRM) + "=";

    private final ConfigurationBuilder builder;

    RuleParser(ConfigurationBuilder builder) {
        this.builder = builder;
    }

    /** Reads one rule (the {@code rule} keyword already read) for constraint {@code owner}. */
    Rule rule(TokenCursor cursor, String owner) {
        Rule rule = new Rule();
        while (cursor.peek() != null && cursor.peek().isPair()) {
            Token option = cursor.next();
            switch (option.pairName().toLowerCase(Locale.ROOT)) {
                case "$id" -> {
                    rule.setId(Ids.require(new Token(option.pairValue(), option.raw(),
                            option.position()), "rule"));
                    builder.define(option, rule.getId(), "rule");
                }
                case "$id-ref" -> {
                    if (rule.getId() != null) {
                        throw TokenCursor.at(option, "a rule is either defined ($id=) or a"
                                + " reference to another ($id-ref=), not both");
                    }
                    rule.setIdRef(Ids.require(new Token(option.pairValue(), option.raw(),
                            option.position()), "a referenced rule"));
                }
                case "$role", "role" -> rule.setRole(role(option));
                default -> {
                    cursor.back();
                    throw cursor.expected(Scores.EXPECTED_SCORE + " or " + EXPRESSION);
                }
            }
        }
        if (rule.getIdRef() != null) {
            return rule; // the referenced rule has the score and expressions
        }
        if (rule.getId() == null) {
            rule.setId(builder.generate(owner + "-rule"));
        }
        score(cursor, rule);
        String booleanOp = null;
        expression(cursor, rule);
        while (cursor.peekIs("and", "or")) {
            Token op = cursor.next();
            String word = TokenCursor.keyword(op);
            if (booleanOp != null && !booleanOp.equals(word)) {
                throw TokenCursor.at(op, "a rule combines its expressions with either \"and\" or"
                        + " \"or\", not both: write a second rule instead");
            }
            booleanOp = word;
            expression(cursor, rule);
        }
        if ("or".equals(booleanOp)) {
            rule.setBooleanOp("or"); // and is the default, which crm leaves out
        }
        return rule;
    }

    private static String role(Token option) {
        String role = Scores.role(option.pairValue());
        if (role == null) {
            throw TokenCursor.at(option, "unknown role \"" + option.pairValue()
                    + "\": expected one of " + String.join(", ", Scores.ROLES));
        }
        return role;
    }

    /** {@code <score>:} or {@code <node attribute>:}; none means INFINITY, as in crm. */
    private static void score(TokenCursor cursor, Rule rule) {
        Token scoreToken = cursor.peek();
        String score = scoreToken == null ? null : Scores.scorePart(scoreToken.text());
        if (score == null) {
            rule.setScore("INFINITY");
            return;
        }
        cursor.next();
        String numeric = Scores.numeric(score);
        if (numeric == null) {
            numeric = Scores.symbolic(score);
        }
        if (numeric != null) {
            rule.setScore(numeric);
        } else if (Scores.isScoreAttribute(score)) {
            rule.setScoreAttribute(score);
        } else {
            throw TokenCursor.at(scoreToken, "expected a score (INFINITY, -inf, 100...) or a node"
                    + " attribute name before \":\", found \"" + score + "\"");
        }
    }

    private void expression(TokenCursor cursor, Rule rule) {
        String id = builder.generate(rule.getId() + "-expression");
        Token first = cursor.expectWord(EXPRESSION);
        String word = TokenCursor.keyword(first);
        if (word.equals("defined") || word.equals("not_defined")) {
            Expression expression = new Expression();
            expression.setOperation(word);
            expression.setAttribute(cursor.expectWord("a node attribute name").text());
            expression.setId(id);
            rule.add(expression);
            return;
        }
        if (word.equals("date")) {
            rule.add(date(cursor, id));
            return;
        }
        if (first.isPair() || first.text().endsWith(":")) {
            cursor.back();
            throw cursor.expected(EXPRESSION);
        }
        Expression expression = new Expression();
        expression.setAttribute(first.text());
        Token opToken = cursor.expectWord("a comparison (lt, gt, lte, gte, eq, ne)");
        String op = opToken.text();
        String type = null;
        int colon = op.indexOf(':');
        if (colon > 0) {
            type = op.substring(0, colon);
            op = op.substring(colon + 1);
        }
        if (!BINARY_OPS.contains(op) || (type != null && !TYPES.contains(type))) {
            cursor.back();
            throw cursor.expected("a comparison ([string:|integer:|number:|version:]lt, gt, lte,"
                    + " gte, eq, ne)");
        }
        expression.setOperation(op);
        expression.setType(type);
        value(cursor.expectWord("a value to compare with"), expression);
        expression.setId(id);
        rule.add(expression);
    }

    /** A literal value, or {@code param{<name>}} / {@code meta{<name>}} (value-source). */
    private static void value(Token token, Expression expression) {
        Matcher sourced = SOURCED_VALUE.matcher(token.text());
        if (!sourced.matches()) {
            expression.setValue(token.text());
            return;
        }
        if (!VALUE_SOURCES.contains(sourced.group(1))) {
            throw TokenCursor.at(token, "unknown value source \"" + sourced.group(1) + "\" in "
                    + token.raw() + ": expected param{<parameter>} or meta{<meta attribute>}");
        }
        expression.setValueSource(sourced.group(1));
        expression.setValue(sourced.group(2));
    }

    /** {@code date gt|lt <date>}, {@code date in start=.. end=..|<duration>}, {@code date spec}. */
    private DateExpression date(TokenCursor cursor, String id) {
        DateExpression date = new DateExpression();
        date.setId(id);
        Token op = cursor.expectWord("a date operation (gt, lt, in, spec)");
        switch (TokenCursor.keyword(op)) {
            case "gt", "lt" -> {
                date.setOperation(TokenCursor.keyword(op));
                Token when = cursor.expectWord("a date (e.g. 2024-01-31)");
                if (TokenCursor.keyword(op).equals("gt")) {
                    date.setStart(when.text());
                } else {
                    date.setEnd(when.text());
                }
            }
            case "in", "in_range" -> {
                date.setOperation("in_range");
                inRange(cursor, date);
            }
            case "spec", "date_spec" -> {
                date.setOperation("date_spec");
                DateSpec spec = new DateSpec();
                spec.setId(builder.generate(id + "-date_spec"));
                while (cursor.peek() != null && cursor.peek().isPair()) {
                    Token pair = dateField(cursor.next(), "");
                    DateFields.set(spec, pair.pairName(), pair.pairValue());
                }
                if (DateFields.of(spec).isEmpty()) {
                    throw cursor.expected("date spec fields (hours=9-17, weekdays=1-5...)");
                }
                date.setDateSpec(spec);
            }
            default -> {
                cursor.back();
                throw cursor.expected("a date operation (gt, lt, in, spec)");
            }
        }
        return date;
    }

    /** {@code start=.. end=..} or {@code start=..} and a duration: two fields at least (crm). */
    private void inRange(TokenCursor cursor, DateExpression date) {
        Duration duration = null;
        int fields = 0;
        while (cursor.peek() != null && cursor.peek().isPair()) {
            Token pair = cursor.next();
            fields++;
            switch (pair.pairName()) {
                case "start" -> date.setStart(pair.pairValue());
                case "end" -> date.setEnd(pair.pairValue());
                default -> {
                    dateField(pair, "start=, end=, ");
                    if (duration == null) {
                        duration = new Duration();
                        duration.setId(builder.generate(date.getId() + "-duration"));
                    }
                    DateFields.set(duration, pair.pairName(), pair.pairValue());
                }
            }
        }
        if (fields < 2) {
            throw cursor.expected("start=<date> and end=<date>, or start=<date> and a duration ("
                    + DATE_FIELDS + ")");
        }
        date.setDuration(duration);
    }

    private static Token dateField(Token pair, String alsoExpected) {
        if (!DateFields.CRM.contains(pair.pairName())) {
            String hint = switch (pair.pairName()) {
                case "days", "minutes", "seconds", "yeardays" -> " (crm syntax has no "
                        + pair.pairName() + "; write the constraint as an xml statement)";
                default -> "";
            };
            throw TokenCursor.at(pair, "unknown date field \"" + pair.pairName()
                    + "\": expected " + alsoExpected + DATE_FIELDS + hint);
        }
        return pair;
    }
}
