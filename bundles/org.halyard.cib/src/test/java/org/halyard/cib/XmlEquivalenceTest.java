package org.halyard.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The round-trip comparator must see every difference that matters, and only those. */
class XmlEquivalenceTest {

    private static final String BASE = """
            <cib epoch="1" admin_epoch="0">
              <!-- note -->
              <configuration>
                <resources>
                  <primitive id="a" class="ocf" provider="heartbeat" type="Dummy"/>
                  <primitive id="b" class="ocf" provider="heartbeat" type="Dummy"/>
                </resources>
              </configuration>
            </cib>
            """;

    private static Optional<String> diff(String actual) {
        return XmlEquivalence.firstDifference(BASE, actual);
    }

    @Test
    void attributeOrderAndIndentationDoNotMatter() {
        assertEquals(Optional.empty(), diff("<cib admin_epoch=\"0\" epoch=\"1\"><!-- note -->"
                + "<configuration><resources>"
                + "<primitive type=\"Dummy\" provider=\"heartbeat\" class=\"ocf\" id=\"a\"/>\n\n"
                + "<primitive id=\"b\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\">  </primitive>"
                + "</resources></configuration></cib>"));
    }

    @Test
    void changedAttributeValueIsReportedWithItsPath() {
        assertEquals(Optional.of("/cib/configuration/resources/primitive[@id='b']/@type: expected"
                + " \"Dummy\" but found \"Stateful\""),
                diff(BASE.replace("id=\"b\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"",
                        "id=\"b\" class=\"ocf\" provider=\"heartbeat\" type=\"Stateful\"")));
    }

    @Test
    void missingAndUnexpectedAttributesAreReported() {
        assertEquals(Optional.of("/cib/@epoch: missing (expected \"1\")"),
                diff(BASE.replace(" epoch=\"1\"", "")));
        assertEquals(Optional.of("/cib/@foo: unexpected (\"x\")"),
                diff(BASE.replace("<cib ", "<cib foo=\"x\" ")));
    }

    @Test
    void childOrderMatters() {
        String swapped = BASE.replace("id=\"a\"", "id=\"TMP\"").replace("id=\"b\"", "id=\"a\"")
                .replace("id=\"TMP\"", "id=\"b\"");
        assertEquals(Optional.of("/cib/configuration/resources/primitive[@id='a']/@id: expected"
                + " \"a\" but found \"b\""), diff(swapped));
    }

    @Test
    void droppedOrChangedCommentsAreDifferences() {
        assertEquals(Optional.of("/cib/comment(): expected comment <!-- note --> but found element"
                + " <configuration>"), diff(BASE.replace("<!-- note -->", "")));
        assertEquals(Optional.of("/cib/comment(): expected comment <!-- note --> but found comment"
                + " <!-- other -->"), diff(BASE.replace("note", "other")));
    }

    @Test
    void missingAndExtraElementsAreReported() {
        assertEquals(Optional.of("/cib/configuration/resources/primitive[@id='b']: missing"
                + " (element <primitive>)"),
                diff(BASE.replace("<primitive id=\"b\" class=\"ocf\" provider=\"heartbeat\""
                        + " type=\"Dummy\"/>", "")));
        assertEquals(Optional.of("/cib/configuration/resources: unexpected element <group> after 2"
                + " expected children"), diff(BASE.replace("</resources>", "<group id=\"g\"/></resources>")));
    }

    @Test
    void elementNamesAndNamespacesAreCompared() {
        assertEquals(Optional.of("/cib/configuration/resources/primitive[@id='a']: expected element"
                + " <primitive> but found <{urn:x}primitive>"),
                diff(BASE.replace("<primitive id=\"a\"", "<x:primitive xmlns:x=\"urn:x\" id=\"a\"")));
    }

    @Test
    void textIsComparedExactly() {
        String withText = BASE.replace("<resources>", "<resources> some text ");
        assertEquals(Optional.of("/cib/configuration/resources/text(): expected text \" some text \n"
                + "      \" but found element <primitive>"),
                XmlEquivalence.firstDifference(withText, BASE));
        assertEquals(Optional.empty(), XmlEquivalence.firstDifference(withText, withText));
    }
}
