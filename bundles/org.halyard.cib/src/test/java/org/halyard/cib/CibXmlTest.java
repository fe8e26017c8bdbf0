package org.halyard.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.xml.namespace.QName;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.SourcePosition;
import org.halyard.cib.model.XmlComment;
import org.halyard.cib.model.XmlProcessingInstruction;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class CibXmlTest {

    private static final String MINIMAL = """
            <cib admin_epoch="0" epoch="1" num_updates="0">
              <configuration>
                <crm_config/>
                <nodes/>
                <resources/>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    private static String messageOf(String xml) {
        return assertThrows(CibException.class, () -> CibXml.parse(xml, "cib.xml")).getMessage();
    }

    // ------------------------------------------------------------------ malformed input

    @Test
    void truncatedFileNamesFileLineColumnAndTheUnclosedElement() {
        String truncated = MINIMAL.substring(0, MINIMAL.indexOf("<resources/>") + 6);
        assertEquals("cib.xml:5:11: unexpected end of document inside <configuration> (truncated file?)",
                messageOf(truncated));
    }

    @Test
    void truncatedFileOnDiskIsReportedWithItsPath(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, MINIMAL.substring(0, MINIMAL.indexOf("</configuration>")));
        CibException e = assertThrows(CibException.class, () -> CibXml.load(file));
        assertEquals(file + ":7:3: unexpected end of document inside <configuration> (truncated file?)",
                e.getMessage());
        assertEquals(new SourcePosition(file.toString(), 7, 3), e.position());
        assertEquals("unexpected end of document inside <configuration> (truncated file?)", e.detail());
    }

    @Test
    void malformedMarkupIsReportedAtTheParserPosition() {
        assertEquals("cib.xml:3:19: The element type \"crm_config\" must be terminated by the matching"
                + " end-tag \"</crm_config>\".", messageOf(MINIMAL.replace("<crm_config/>",
                        "<crm_config></nodes>")));
        assertEquals("cib.xml:1:42: Attribute \"epoch\" was already specified for element \"cib\".",
                messageOf(MINIMAL.replace("num_updates=\"0\"", "epoch=\"2\"")));
    }

    @Test
    void messagesAreEnglishWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("cib.xml:1:8: The markup in the document following the root element must be"
                    + " well-formed.", messageOf("<cib/><cib/>"));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void emptyDocumentAndWrongRootAreNamed() {
        assertEquals("cib.xml:1:1: no <cib> element: the document is empty", messageOf(""));
        assertEquals("cib.xml:1:1: root element is <configuration>, expected <cib> (is this a"
                + " Pacemaker CIB?)", messageOf("<configuration/>"));
        assertEquals("cib.xml:2:1: root element <cib> is in namespace \"urn:x\", but a CIB's <cib>"
                + " has none", messageOf("<?xml version=\"1.0\"?>\n<cib xmlns=\"urn:x\"/>"));
    }

    @Test
    void doctypesAndThereforeExternalEntitiesAreRefused(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "password");
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE cib [<!ENTITY x SYSTEM \"" + secret.toUri()
                + "\">]>\n<cib admin_epoch=\"0\" epoch=\"1\" num_updates=\"0\">&x;</cib>";
        assertEquals("cib.xml:2:10: DOCTYPE is not allowed in a CIB (DTDs and entities are refused)",
                messageOf(xxe));
        assertEquals("cib.xml:1:25: The entity \"x\" was referenced, but not declared.",
                messageOf("<cib admin_epoch=\"0\">&x;</cib>"));
    }

    @Test
    void halyardsPrivateNamespaceIsRefusedInInput() {
        assertEquals("cib.xml:1:22: element <h:comment> is in namespace \"urn:halyard:cib:lexical\","
                + " which Halyard reserves for itself", messageOf("<cib admin_epoch=\"0\"><h:comment"
                + " xmlns:h=\"urn:halyard:cib:lexical\">not a comment</h:comment></cib>"));
    }

    @Test
    void unreadableFileIsReported(@TempDir Path dir) {
        Path missing = dir.resolve("nope.xml");
        assertEquals(missing + ": cannot read: no such file",
                assertThrows(CibException.class, () -> CibXml.load(missing)).getMessage());
    }

    // ------------------------------------------------------------------ positions

    private static final String LAID_OUT = String.join("\n",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<!-- prolog -->",
            "<cib admin_epoch=\"0\" epoch=\"5\" num_updates=\"2\">",
            "  <configuration>",
            "    <crm_config/>",
            "    <nodes>",
            "      <node id=\"1\" uname=\"node1\"/><node id=\"2\" uname=\"node2\"/>",
            "    </nodes>",
            "    <resources>",
            "      <!-- the web stack -->",
            "      <primitive id=\"ip\" class=\"ocf\" provider=\"heartbeat\"",
            "                 type=\"IPaddr2\"/>",
            "      <group id=\"web\">",
            "\t<primitive id=\"apache\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\"/>",
            "      </group>",
            "    </resources>",
            "    <constraints/>",
            "  </configuration>",
            "  <status/>",
            "</cib>",
            "<!-- epilog -->",
            "");

    @Test
    void elementsKnowWhereTheirStartTagBegins() {
        Cib cib = CibXml.parse(LAID_OUT, "cib.xml");
        assertEquals("cib.xml:3:1", position(cib));
        assertEquals("cib.xml:4:3", position(cib.configuration().orElseThrow()));
        List<Node> nodes = cib.configuration().orElseThrow().nodes().orElseThrow().nodes();
        assertEquals("cib.xml:7:7", position(nodes.get(0)));
        assertEquals("cib.xml:7:35", position(nodes.get(1)));
        Resources resources = cib.configuration().orElseThrow().resources().orElseThrow();
        Primitive ip = (Primitive) resources.find("ip").orElseThrow();
        assertEquals("cib.xml:11:7", position(ip), "multi-line start tag: line of its '<'");
        Group web = (Group) resources.find("web").orElseThrow();
        assertEquals("cib.xml:13:7", position(web));
        assertEquals("cib.xml:14:2", position(web.members().get(0)), "a tab is one column");
        assertEquals("cib.xml:19:3", position(cib.status().orElseThrow()));
    }

    @Test
    void positionsAreRightAfterTextAndWithWindowsLineEnds() {
        Cib cib = CibXml.parse("<cib admin_epoch=\"0\">\r\n  <configuration>note<nodes/>"
                + "&amp;more<resources/></configuration></cib>", "crlf.xml");
        assertEquals("crlf.xml:2:22", position(cib.configuration().orElseThrow().nodes().orElseThrow()));
        assertEquals("crlf.xml:2:39",
                position(cib.configuration().orElseThrow().resources().orElseThrow()));
    }

    @Test
    void builtElementsHaveNoPosition() {
        assertEquals(Optional.empty(), Cib.empty().position());
    }

    private static String position(CibElement element) {
        return element.position().map(SourcePosition::toString).orElse("none");
    }

    // ------------------------------------------------------------------ fidelity

    @Test
    void commentsAndProcessingInstructionsSurviveWhereTheyWere() {
        String xml = LAID_OUT.replace("<status/>", "<status><?halyard keep?></status>");
        Cib cib = CibXml.parse(xml, "cib.xml");
        assertEquals(List.of(new XmlComment(" prolog ").getText()),
                cib.prolog().stream().map(c -> ((XmlComment) c).getText()).toList());
        assertEquals(" epilog ", ((XmlComment) cib.epilog().get(0)).getText());
        Resources resources = cib.configuration().orElseThrow().resources().orElseThrow();
        assertInstanceOf(XmlComment.class, resources.content().get(0));
        assertInstanceOf(Primitive.class, resources.content().get(1));
        XmlProcessingInstruction pi = (XmlProcessingInstruction) cib.status().orElseThrow()
                .content().get(0);
        assertEquals("halyard", pi.getTarget());
        assertEquals("keep", pi.getData());
        assertEquals(Optional.empty(), XmlEquivalence.firstDifference(xml, CibXml.toXml(cib)));
    }

    @Test
    void unknownElementsAndAttributesKeepTheirPlaceAmongKnownOnes() {
        String xml = """
                <cib admin_epoch="0" epoch="1" num_updates="0" future-flag="yes">
                  <configuration>
                    <resources>
                      <primitive id="a" class="ocf" provider="heartbeat" type="Dummy" x:hint="1" xmlns:x="urn:x"/>
                      <future-resource id="f"><part n="1">text &amp; more</part></future-resource>
                      <!-- between -->
                      <group id="g"><primitive id="b" class="ocf" provider="heartbeat" type="Dummy"/></group>
                      <y:ext xmlns:y="urn:y" y:attr="v"><y:inner/></y:ext>
                    </resources>
                  </configuration>
                </cib>
                """;
        Cib cib = CibXml.parse(xml, "cib.xml");
        assertEquals("yes", cib.otherAttribute("future-flag"));
        Resources resources = cib.configuration().orElseThrow().resources().orElseThrow();
        List<Object> content = resources.content();
        assertEquals(5, content.size());
        assertInstanceOf(Primitive.class, content.get(0));
        assertEquals("future-resource", ((Element) content.get(1)).getLocalName());
        assertInstanceOf(XmlComment.class, content.get(2));
        assertInstanceOf(Group.class, content.get(3));
        assertEquals("urn:y", ((Element) content.get(4)).getNamespaceURI());
        assertEquals("1", ((Primitive) content.get(0)).otherAttributes().get(new QName("urn:x", "hint")));
        String saved = CibXml.toXml(cib);
        assertEquals(Optional.empty(), XmlEquivalence.firstDifference(xml, saved));
    }

    @Test
    void namespacesAndCommentsInsideUnknownElementsSurvive() {
        String xml = "<cib xml:lang=\"en\" admin_epoch=\"0\"><configuration xmlns:q=\"urn:q\">"
                + "<q:x q:a=\"1\"><q:y xml:space=\"preserve\">  t  </q:y><z xmlns=\"urn:d\">"
                + "<w xmlns=\"\"/></z></q:x></configuration><status><node_state id=\"1\"><!--c-->"
                + "<foo bar=\"1\"><!--inner--><?pi x?>text</foo></node_state></status></cib>";
        String saved = CibXml.toXml(CibXml.parse(xml, "cib.xml"));
        assertEquals(Optional.empty(), XmlEquivalence.firstDifference(xml, saved));
        assertEquals(saved, CibXml.toXml(CibXml.parse(saved, "saved.xml")));
        assertTrue(saved.contains("<!--inner-->"), saved);
        assertFalse(saved.contains("halyard"), "pseudo namespace leaked: " + saved);
    }

    @Test
    void textInsideKnownElementsIsKept() {
        String xml = "<cib admin_epoch=\"0\"><configuration><nodes> odd <node id=\"1\" uname=\"n\"/>"
                + " text </nodes></configuration></cib>";
        Cib cib = CibXml.parse(xml, "cib.xml");
        assertEquals(List.of(" odd ", " text "), cib.configuration().orElseThrow().nodes()
                .orElseThrow().children(String.class));
        assertEquals(Optional.empty(), XmlEquivalence.firstDifference(xml, CibXml.toXml(cib)));
    }

    @Test
    void legacyMasterStaysMaster() {
        String xml = MINIMAL.replace("<resources/>", "<resources><master id=\"ms\"><primitive id=\"s\""
                + " class=\"ocf\" provider=\"pacemaker\" type=\"Stateful\"/></master></resources>");
        Cib cib = CibXml.parse(xml, "cib.xml");
        String saved = CibXml.toXml(cib);
        assertTrue(saved.contains("<master id=\"ms\">"), saved);
        assertEquals(Optional.empty(), XmlEquivalence.firstDifference(xml, saved));
    }

    // ------------------------------------------------------------------ writing

    @Test
    void writesPacemakerLayoutWithEscaping() {
        Cib cib = CibXml.parse(MINIMAL, "cib.xml");
        cib.prolog().add(new XmlComment(" written by Halyard "));
        Primitive p = new Primitive();
        p.setId("p<1>");
        p.setAgentClass("ocf");
        p.setProvider("heartbeat");
        p.setType("Dummy");
        p.setDescription("say \"hi\" & go\nnow\ttab");
        cib.configuration().orElseThrow().resources().orElseThrow().add(p);
        assertEquals("""
                <!-- written by Halyard -->
                <cib admin_epoch="0" epoch="1" num_updates="0">
                  <configuration>
                    <crm_config/>
                    <nodes/>
                    <resources>
                      <primitive id="p&lt;1&gt;" description="say &quot;hi&quot; &amp; go&#10;now&#9;tab" class="ocf" provider="heartbeat" type="Dummy"/>
                    </resources>
                    <constraints/>
                  </configuration>
                  <status/>
                </cib>
                """, CibXml.toXml(cib));
    }

    @Test
    void writeToStreamIsUtf8() {
        Cib cib = CibXml.parse(MINIMAL.replace("<nodes/>", "<nodes><node id=\"1\" uname=\"nœud-ü\"/></nodes>"),
                "cib.xml");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CibXml.write(cib, out);
        String written = out.toString(StandardCharsets.UTF_8);
        assertTrue(written.contains("uname=\"nœud-ü\""), written);
        Cib reread = CibXml.parse(new ByteArrayInputStream(out.toByteArray()), "again");
        assertEquals("nœud-ü", reread.configuration().orElseThrow().nodes().orElseThrow().nodes()
                .get(0).getUname());
    }

    @Test
    void commentsThatCannotBeWrittenAreRefused() {
        Cib cib = CibXml.parse(MINIMAL, "cib.xml");
        cib.status().orElseThrow().add(new XmlComment("a -- b"));
        assertEquals("<string>: cannot write CIB: cannot write comment containing \"--\" or ending in"
                + " \"-\": a -- b", assertThrows(CibException.class, () -> CibXml.toXml(cib)).getMessage());
    }

    @Test
    void saveReplacesTheFileAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        Cib cib = CibXml.parse(LAID_OUT, "in.xml");
        CibXml.save(cib, file);
        assertEquals(CibXml.toXml(cib), Files.readString(file));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        Cib loaded = CibXml.load(file);
        assertEquals(cib.version(), loaded.version());
        assertEquals(file + ":2:1", position(loaded), "saved without XML declaration");
    }

    @Test
    void failedSaveKeepsTheOldFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cib.xml");
        Files.writeString(file, MINIMAL);
        Cib cib = CibXml.parse(MINIMAL, "cib.xml");
        cib.status().orElseThrow().add(new XmlComment("bad--comment"));
        CibException e = assertThrows(CibException.class, () -> CibXml.save(cib, file));
        assertEquals(file + ": cannot write CIB: cannot write comment containing \"--\" or ending in"
                + " \"-\": bad--comment", e.getMessage());
        assertEquals(MINIMAL, Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "temporary file left behind");
        }
    }

    @Test
    void saveIntoMissingDirectoryFails(@TempDir Path dir) {
        Path file = dir.resolve("missing/cib.xml");
        CibException e = assertThrows(CibException.class,
                () -> CibXml.save(CibXml.parse(MINIMAL, "cib.xml"), file));
        assertEquals(file + ": cannot write: no such file", e.getMessage());
    }

    // ------------------------------------------------------------------ context

    @Test
    void theJaxbContextIsCreatedOnceAndParsingIsThreadSafe() {
        assertSame(CibXml.context(), CibXml.context());
        List<String> epochs = IntStream.range(0, 64).parallel()
                .mapToObj(i -> CibXml.parse(MINIMAL.replace("epoch=\"1\"", "epoch=\"" + i + "\""),
                        "cib-" + i + ".xml"))
                .map(cib -> cib.getEpoch() + "@" + cib.position().orElseThrow().source()).toList();
        for (int i = 0; i < 64; i++) {
            assertEquals(i + "@cib-" + i + ".xml", epochs.get(i));
        }
        assertNotNull(CibXml.context().getClass().getName());
    }
}
