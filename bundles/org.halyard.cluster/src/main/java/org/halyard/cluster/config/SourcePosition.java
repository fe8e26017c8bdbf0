package org.halyard.cluster.config;

import java.util.Comparator;
import java.util.Objects;

/**
 * A place in a configuration file: 1-based line and column, or the whole file when {@code line}
 * is 0 (for problems that have no single place, such as a missing section).
 *
 * @param file   the name shown to the admin, usually the path the file was read from
 * @param line   1-based line, or 0 for "the whole file"
 * @param column 1-based column (characters, a tab counts as one), or 0 with line 0
 */
public record SourcePosition(String file, int line, int column) implements Comparable<SourcePosition> {

    private static final Comparator<SourcePosition> ORDER =
            Comparator.comparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column);

    public SourcePosition {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0 || (line == 0) != (column == 0)) {
            throw new IllegalArgumentException("bad position " + line + ":" + column);
        }
    }

    /** The position standing for the whole file. */
    public static SourcePosition wholeFile(String file) {
        return new SourcePosition(file, 0, 0);
    }

    public boolean isWholeFile() {
        return line == 0;
    }

    /** {@code file:line:col}, or just {@code file} for the whole file. */
    @Override
    public String toString() {
        return isWholeFile() ? file : file + ":" + line + ":" + column;
    }

    /** Orders by line, then column; whole-file positions come first. */
    @Override
    public int compareTo(SourcePosition other) {
        return ORDER.compare(this, other);
    }
}
