package org.halyard.crmsh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The crm configure texts inside the seed documents, found the way a reader finds them:
 * <ul>
 * <li>blocks: runs of statements (a line starting with node, primitive, ... or continuing the
 * previous one) with at least one statement that is not {@code node} (which keeps heartbeat's
 * {@code ha.cf} "node" lines out). A block goes on across blank lines and code fences when the
 * text before them is unfinished (a trailing {@code \} or an open quote): that is how pages cut
 * configurations, and the parser must report it;</li>
 * <li>a session: the configure commands typed at {@code crm(live)configure#} or given to
 * {@code crm configure ...}, in order, as one text.</li>
 * </ul>
 * Each text keeps the seed's line numbers and columns (other lines blank, prompts blanked out)
 * so errors point into the seed. Field configs ({@code *.crm}) are one text each.
 */
final class SeedConfigs {

    static final List<String> COMMANDS = List.of("node", "primitive", "group", "clone", "ms",
            "location", "colocation", "order", "property", "rsc_defaults", "op_defaults",
            "rsc_template", "tag");
    private static final Pattern STATEMENT = Pattern.compile(
            "(" + String.join("|", COMMANDS) + ") [A-Za-z0-9_$]");
    private static final Pattern PROMPT = Pattern.compile(
            "^(\\s*crm\\(live\\)configure#\\s*|\\s*[#$]\\s*crm configure\\s+)(\\S.*)$");

    /** One configuration text: {@code name} is "seed#n" or "seed#session" or the file name. */
    record SeedConfig(String name, Path file, String text, int firstLine, int lastLine) {

        @Override
        public String toString() {
            return name + " (lines " + firstLine + "-" + lastLine + ")";
        }
    }

    private SeedConfigs() {
    }

    /** Every configuration of every seed and field config, in file order. */
    static List<SeedConfig> all() {
        List<SeedConfig> configs = new ArrayList<>();
        for (Path seed : SharedData.files("seeds", ".txt")) {
            configs.addAll(of(seed));
        }
        for (Path field : SharedData.files("data/field-configs", ".crm")) {
            List<String> lines = read(field);
            configs.add(new SeedConfig(field.getFileName().toString(), field,
                    String.join("\n", lines), 1, lines.size()));
        }
        return configs;
    }

    static List<SeedConfig> of(Path seed) {
        List<String> lines = read(seed);
        String name = seed.getFileName().toString();
        List<SeedConfig> configs = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!isStatement(lines.get(i))) {
                i++;
                continue;
            }
            int end = blockEnd(lines, i);
            if (hasNonNodeStatement(lines, i, end)) {
                configs.add(new SeedConfig(name + "#" + (configs.size() + 1), seed,
                        text(lines, i, end), i + 1, end + 1));
            }
            i = end + 1;
        }
        SeedConfig session = session(name, seed, lines);
        if (session != null) {
            configs.add(session);
        }
        return configs;
    }

    /** Index of the last line of the block starting at {@code start}. */
    private static int blockEnd(List<String> lines, int start) {
        int last = start;
        for (int i = start + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || isFence(line)) {
                continue;
            }
            String previous = lines.get(last).stripTrailing();
            boolean unfinished = previous.endsWith("\\") || quotes(previous) % 2 == 1;
            if (unfinished || isStatement(line)) {
                last = i;
            } else {
                break;
            }
        }
        return last;
    }

    private static boolean hasNonNodeStatement(List<String> lines, int start, int end) {
        for (int i = start; i <= end; i++) {
            if (isStatement(lines.get(i)) && !lines.get(i).strip().startsWith("node ")) {
                return true;
            }
        }
        return false;
    }

    private static SeedConfig session(String name, Path seed, List<String> lines) {
        List<String> text = new ArrayList<>(Collections.nCopies(lines.size(), ""));
        int first = -1;
        int last = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher prompt = PROMPT.matcher(lines.get(i));
            if (prompt.matches() && isStatement(prompt.group(2))) {
                // blank out the prompt so columns stay those of the seed
                text.set(i, " ".repeat(prompt.group(1).length()) + prompt.group(2));
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            return null;
        }
        return new SeedConfig(name + "#session", seed,
                String.join("\n", text.subList(first, last + 1)), first + 1, last + 1);
    }

    /** The block's lines, code fences blanked so line numbers stay those of the seed. */
    private static String text(List<String> lines, int start, int end) {
        List<String> text = new ArrayList<>();
        for (int i = start; i <= end; i++) {
            text.add(isFence(lines.get(i)) ? "" : lines.get(i));
        }
        return String.join("\n", text);
    }

    /**
     * A line that starts a statement: a command, one space, and a word that can start an id.
     * Help listings ("primitive        define a resource") align their columns with several
     * spaces, and other configuration files have "group {": neither is a statement.
     */
    static boolean isStatement(String line) {
        return STATEMENT.matcher(line.strip()).lookingAt();
    }

    private static boolean isFence(String line) {
        return line.strip().startsWith("```");
    }

    private static int quotes(String line) {
        return (int) line.chars().filter(c -> c == '"').count();
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
