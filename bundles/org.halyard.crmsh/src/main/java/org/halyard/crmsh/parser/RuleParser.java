package org.halyard.crmsh.parser;

import java.util.Locale;
import java.util.Set;
import org.halyard.cib.model.rules.DateExpression;
import org.halyard.cib.model.rules.DateSpec;
import org.halyard.cib.model.rules.Duration;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.Rule;
import org.halyard.crmsh.syntax.Token;
import org.halyard.crmsh.syntax.TokenCursor;

/**
 * {@code rule [$id=<id>] [$role=<role>] <score>: <expression> [and|or <expression>]...} where an
 * expression is {@code <attr> [type:]<op> <value>}, {@code defined|not_defined <attr>} or
 * {@code date ...}. A rule has one boolean-op, so and and or cannot be mixed (as in crm).
 */
final class RuleParser {

    private static final Set<String> BINARY_OPS = Set.of("lt", "gt", "lte", "gte", "eq", "ne");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "version");

    private final ConfigurationBuilder builder;

    RuleParser(ConfigurationBuilder builder) {
        this.builder = builder;
    }

    /** Reads one rule (the {@code rule} keyword already read) for constraint {@code owner}. */
    Rule rule(TokenCursor cursor, String owner) {
        Rule rule = new Rule();
        String id = null;
        while (cursor.peek() != null && cursor.peek().isPair()) {
            Token option = cursor.next();
            switch (option.pairName().toLowerCase(Locale.ROOT)) {
                case "$id" -> {
                    id = Ids.require(new Token(option.pairValue(), option.raw(),
                            option.position()), "rule");
                    builder.define(option, id, "rule");
                }
                case "$role", "role" -> {
                    String role = Scores.role(option.pairValue());
                    if (role == null) {
                        throw TokenCursor.at(option, "unknown role \"" + option.pairValue()
                                + "\": expected one of " + String.join(", ", Scores.ROLES));
                    }
                    rule.setRole(role);
                }
                default -> {
                    cursor.back();
                    throw cursor.expected(Scores.EXPECTED_SCORE);
                }
            }
        }
        rule.setId(id != null ? id : builder.generate(owner + "-rule"));
        Token scoreToken = cursor.expectWord(Scores.EXPECTED_SCORE);
        String score = Scores.scorePart(scoreToken.text());
        if (score == null) {
            cursor.back();
            throw cursor.expected(Scores.EXPECTED_SCORE);
        }
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

    private void expression(TokenCursor cursor, Rule rule) {
        String id = builder.generate(rule.getId() + "-expression");
        Token first = cursor.expectWord("an expression (<attribute> <op> <value>, defined <attribute>"
                + " or date ...)");
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
            throw cursor.expected("an expression (<attribute> <op> <value>, defined <attribute>"
                    + " or date ...)");
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
        expression.setValue(cursor.expectWord("a value to compare with").text());
        expression.setId(id);
        rule.add(expression);
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
                Duration duration = null;
                while (cursor.peek() != null && cursor.peek().isPair()) {
                    Token pair = cursor.next();
                    String name = pair.pairName();
                    if (name.equals("start")) {
                        date.setStart(pair.pairValue());
                    } else if (name.equals("end")) {
                        date.setEnd(pair.pairValue());
                    } else if (DateFields.DURATION.contains(name)) {
                        if (duration == null) {
                            duration = new Duration();
                            duration.setId(builder.generate(id + "-duration"));
                        }
                        DateFields.set(duration, name, pair.pairValue());
                    } else {
                        throw TokenCursor.at(pair, "expected start=, end= or a duration (years=,"
                                + " months=, weeks=, days=, hours=, minutes=, seconds=), found \""
                                + pair.text() + "\"");
                    }
                }
                if (date.getStart() == null && date.getEnd() == null) {
                    throw cursor.expected("start=<date> and end=<date> or a duration");
                }
                date.setDuration(duration);
            }
            case "spec", "date_spec" -> {
                date.setOperation("date_spec");
                DateSpec spec = new DateSpec();
                spec.setId(builder.generate(id + "-date_spec"));
                while (cursor.peek() != null && cursor.peek().isPair()) {
                    Token pair = cursor.next();
                    if (!DateFields.DATE_SPEC.contains(pair.pairName())) {
                        throw TokenCursor.at(pair, "unknown date spec field \"" + pair.pairName()
                                + "\": expected one of " + String.join(", ", DateFields.DATE_SPEC));
                    }
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
}
