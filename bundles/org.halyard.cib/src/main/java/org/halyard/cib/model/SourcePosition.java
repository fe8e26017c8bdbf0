package org.halyard.cib.model;

/**
 * Where an element starts in its source document: 1-based line and column of its {@code <}.
 *
 * @param source name of the document as given when it was parsed (usually the file path)
 * @param line   1-based line
 * @param column 1-based column
 */
public record SourcePosition(String source, int line, int column) {

    /** {@code source:line:column}, the form editors and compilers use. */
    @Override
    public String toString() {
        return (source == null ? "<unknown>" : source) + ":" + line + ":" + column;
    }
}
