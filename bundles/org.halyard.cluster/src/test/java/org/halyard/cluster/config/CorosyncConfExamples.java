package org.halyard.cluster.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Cuts the corosync.conf examples out of the shared seed documents (articles, slides, wiki
 * pages), so that tests run on what admins really wrote without copying it.
 *
 * <p>An example starts at a line that opens a corosync top-level section (<code>totem &#123;</code>,
 * <code>logging &#123;</code>, <code>service &#123;</code> ...) or at {@code compatibility:}; it runs over the
 * following top-level sections and keys while braces stay balanced, and ends at the first
 * line at brace depth 0 that is neither blank, a comment, <code>name &#123;</code> nor {@code key: value}
 * (prose), at a Markdown fence, or before a <code>&#125;</code> that closes nothing. Lines outside the
 * example are blanked rather than removed, so that positions in messages are the seed file's own.
 */
final class CorosyncConfExamples {

    /** Resolves the shared folder: {@code -Dhalyard.shared.dir}, else {@code ../../../shared} from the bundle. */
    static Path sharedDir() {
        String configured = System.getProperty("halyard.shared.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("../../../shared");
        if (!Files.isDirectory(dir.resolve("seeds"))) {
            throw new IllegalStateException("shared folder not found at " + dir.toAbsolutePath()
                    + "; set -Dhalyard.shared.dir=/path/to/shared");
        }
        return dir;
    }

    /**
     * One example.
     *
     * @param file  the seed file's name (used as the source name, so messages point into it)
     * @param index 0-based index among the examples of that file
     * @param line  the 1-based line where the example starts
     * @param text  the file with every line outside the example blanked
     */
    record Example(String file, int index, int line, String text) {
        String name() {
            return file + "#" + index;
        }
    }

    private static final Pattern START = Pattern.compile(
            "(totem|nodelist|quorum|logging|amf|service|aisexec|system|resources|uidgid|nozzle)\\s*\\{.*"
                    + "|compatibility\\s*:.*");
    private static final Pattern TOP_LEVEL = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*\\s*([{:]).*");

    private CorosyncConfExamples() {
    }

    /** The examples in every regular file of the given folders, in file-name order. */
    static List<Example> in(Path... dirs) {
        List<Example> all = new ArrayList<>();
        for (Path dir : dirs) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    all.addAll(extract(file.getFileName().toString(),
                            new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return all;
    }

    static List<Example> extract(String fileName, String content) {
        String[] lines = content.split("\n", -1);
        List<Example> examples = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (START.matcher(strip(lines[i])).matches()) {
                int end = end(lines, i);
                examples.add(new Example(fileName, examples.size(), i + 1, blankOutside(lines, i, end)));
                i = end;
            } else {
                i++;
            }
        }
        return examples;
    }

    /** The index after the example's last line. */
    private static int end(String[] lines, int start) {
        int depth = 0;
        int end = start;
        for (int j = start; j < lines.length; j++) {
            String t = strip(lines[j]);
            if (t.startsWith("```")) {
                break;
            }
            boolean blankOrComment = t.isEmpty() || t.startsWith("#");
            if (depth == 0 && !blankOrComment && !TOP_LEVEL.matcher(t).matches()) {
                break;
            }
            if (!blankOrComment) {
                depth += braceDelta(t);
                if (depth < 0) {
                    break;
                }
                end = j + 1;
            }
        }
        return end;
    }

    private static int braceDelta(String trimmed) {
        String code = trimmed.replaceAll("\\s#.*$", "").strip();
        if (code.endsWith("{")) {
            return 1;
        }
        return code.startsWith("}") ? -1 : 0;
    }

    private static String blankOutside(String[] lines, int start, int end) {
        StringBuilder text = new StringBuilder();
        for (int j = 0; j < end; j++) {
            if (j >= start) {
                text.append(lines[j]);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static String strip(String line) {
        return line.replace('\u00A0', ' ').strip();
    }
}
