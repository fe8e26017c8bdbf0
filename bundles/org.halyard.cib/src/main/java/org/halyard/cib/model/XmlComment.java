package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlValue;
import java.util.Objects;

/**
 * An XML comment, kept in document order among the children of its element
 * ({@link CibElement#content()}) so that an admin's notes in cib.xml survive a save.
 *
 * <p>JAXB has no notion of comments; on load they travel through JAXB as a pseudo element in
 * the private namespace {@link #LEXICAL_NAMESPACE}, and on save they are turned back into real
 * comments. That namespace never appears in a written document.
 */
@XmlRootElement(name = "comment", namespace = XmlComment.LEXICAL_NAMESPACE)
public final class XmlComment {

    /** Namespace of the pseudo elements that carry comments and processing instructions. */
    public static final String LEXICAL_NAMESPACE = "urn:halyard:cib:lexical";

    @XmlValue
    private String text;

    public XmlComment() {
        this("");
    }

    /** A comment with the given text (what goes between {@code <!--} and {@code -->}). */
    public XmlComment(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "<!--" + text + "-->";
    }
}
