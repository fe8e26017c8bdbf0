package org.halyard.scheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.scheduler.output.ScoresPrinter;
import org.halyard.scheduler.output.TransitionSummaryPrinter;
import org.halyard.scheduler.rules.DateRules;

/**
 * One case of Pacemaker's scheduler regression suite, compared as the suite compares:
 * whitespace-insensitive transition summary, and the sorted allocation scores.
 */
record RegressionCase(String name, Path dir) {

    /** The outcome of running one case. */
    record Outcome(String name, List<String> unsupported, boolean summaryMatches,
            boolean scoresMatch, String detail) {

        boolean supported() {
            return unsupported.isEmpty();
        }

        boolean passed() {
            return supported() && summaryMatches && scoresMatch;
        }
    }

    Outcome run() {
        Cib cib = CibXml.load(dir.resolve("xml").resolve(name + ".xml"));
        List<String> unsupported = FeatureSupport.unsupported(cib);
        if (!unsupported.isEmpty()) {
            return new Outcome(name, unsupported, false, false, "not yet supported");
        }
        Transition transition = Scheduler.schedule(cib, true, simulatedTime());
        List<String> summary = TransitionSummaryPrinter.lines(transition.summary());
        List<String> expectedSummary = expectedSummary();
        boolean summaryOk = normalize(summary).equals(normalize(expectedSummary));
        List<String> scores = ScoresPrinter.sortedLines(transition.scores());
        List<String> expectedScores = expectedScores();
        boolean scoresOk = scores.equals(expectedScores);
        String detail = (summaryOk ? "" : "summary expected " + expectedSummary + " but was "
                + summary + "; ") + (scoresOk ? "" : scoreDiff(expectedScores, scores));
        return new Outcome(name, List.of(), summaryOk, scoresOk, detail);
    }

    /** The date given by the case's extra crm_simulate arguments ({@code -t DATE}), or null. */
    LocalDateTime simulatedTime() {
        for (String line : read(dir.resolve("test-list.tsv"))) {
            String[] fields = line.split("\t");
            if (fields.length >= 3 && fields[0].equals(name) && fields[2].startsWith("-t ")) {
                LocalDateTime time = DateRules.parse(fields[2].substring(3).trim());
                if (time == null) {
                    throw new IllegalStateException(name + ": cannot parse " + fields[2]);
                }
                return time;
            }
        }
        return null;
    }

    private static String scoreDiff(List<String> expected, List<String> actual) {
        List<String> missing = new ArrayList<>(expected);
        missing.removeAll(actual);
        List<String> extra = new ArrayList<>(actual);
        extra.removeAll(expected);
        return "scores missing " + missing.stream().limit(4).toList() + " unexpected "
                + extra.stream().limit(4).toList();
    }

    private static List<String> normalize(List<String> lines) {
        return lines.stream().map(l -> l.replaceAll("\\s+", "")).filter(l -> !l.isEmpty())
                .toList();
    }

    List<String> expectedSummary() {
        return TransitionSummaryPrinter.read(read(dir.resolve("summary").resolve(name + ".summary")));
    }

    List<String> expectedScores() {
        return read(dir.resolve("scores").resolve(name + ".scores")).stream()
                .filter(l -> !l.isBlank()).sorted().toList();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
