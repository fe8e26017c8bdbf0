package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.halyard.cib.CibXml;
import org.junit.jupiter.api.Test;

/**
 * {@code bundle}: the XML crmsh 4.4 writes for it ({@code crm configure load update} into a
 * file-backed CIB), the text crm configure show prints, and errors.
 */
class BundleTest {

    private static final String BUNDLES = """
            primitive httpd-apache apache
            bundle httpd \\
                docker image=pcmk:httpd replicas=3 \\
                network ip-range-start=10.10.10.123 host-netmask=24 \\
                port-mapping port=80 \\
                storage \\
                    storage-mapping target-dir=/var/www/html source-dir=/srv/www options=rw \\
                primitive httpd-apache
            primitive p Dummy
            primitive y-0 Dummy
            bundle y description="two ports" docker image=i network control-port=1 \\
                port-mapping id=pm1 port=81 port-mapping range=9000-9010 primitive p \\
                meta target-role=Stopped
            """;

    @Test
    void mappingsGetCrmIdsAndThePrimitiveStaysWhereItWasNamed() {
        assertEquals("<resources>"
                // crm writes primitives first, then bundles
                + "<primitive id=\"y-0\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"
                + "<bundle id=\"httpd\"><docker image=\"pcmk:httpd\" replicas=\"3\"/>"
                + "<network host-netmask=\"24\" ip-range-start=\"10.10.10.123\">"
                + "<port-mapping id=\"httpd-0\" port=\"80\"/></network><storage>"
                + "<storage-mapping id=\"httpd-1\" options=\"rw\" source-dir=\"/srv/www\""
                + " target-dir=\"/var/www/html\"/></storage>"
                + "<primitive id=\"httpd-apache\" class=\"ocf\" provider=\"heartbeat\""
                + " type=\"apache\"/></bundle>"
                + "<bundle id=\"y\" description=\"two ports\"><docker image=\"i\"/>"
                + "<network control-port=\"1\"><port-mapping id=\"pm1\" port=\"81\"/>"
                // y-0 is taken: crm counts on
                + "<port-mapping id=\"y-1\" range=\"9000-9010\"/></network>"
                + "<primitive id=\"p\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>"
                + "<meta_attributes id=\"y-meta_attributes\"><nvpair"
                + " id=\"y-meta_attributes-target-role\" name=\"target-role\" value=\"Stopped\"/>"
                + "</meta_attributes></bundle></resources>",
                CibSections.ofText(BUNDLES, "resources"));
    }

    /**
     * As crm shows it, but for the order of a part's attributes: crm keeps them as written,
     * Halyard's CIB in name order (the order crm shows for a CIB Halyard wrote).
     */
    @Test
    void printsAsCrmConfigureShowAndReprintsStably() {
        String shown = """
                bundle httpd \\
                    docker image="pcmk:httpd" replicas=3 \\
                    network host-netmask=24 ip-range-start=10.10.10.123 port-mapping id=httpd-0 \
                port=80 \\
                    storage storage-mapping id=httpd-1 options=rw source-dir="/srv/www" \
                target-dir="/var/www/html" \\
                    primitive httpd-apache
                bundle y \\
                    description="two ports" \\
                    docker image=i \\
                    network control-port=1 port-mapping id=pm1 port=81 port-mapping id=y-1 \
                range=9000-9010 \\
                    meta target-role=Stopped \\
                    primitive p
                """;
        String printed = CibSections.reprint(BUNDLES);
        assertEquals(shown, printed.substring(printed.indexOf("bundle")));
        assertEquals(printed, CibSections.reprint(printed));
    }

    /** crm 4.4 knows no podman (its show fails on one): the bundle is shown as xml. */
    @Test
    void podmanIsShownAsXml() {
        String cib = "<resources><bundle id=\"b\"><podman image=\"img\" replicas=\"2\"/>"
                + "<network control-port=\"3121\"/><primitive id=\"in\" class=\"ocf\""
                + " provider=\"heartbeat\" type=\"Dummy\"/></bundle></resources>";
        String shown = CibSections.printed(cib);
        assertEquals("""
                primitive in ocf:heartbeat:Dummy
                xml <bundle id="b"> \\
                  <podman image="img" replicas="2"/> \\
                  <network control-port="3121"/> \\
                  <primitive id="in" class="ocf" provider="heartbeat" type="Dummy"/> \\
                </bundle>
                """, shown);
        assertEquals(CibSections.of(CibXml.parse("<cib><configuration>" + cib
                + "</configuration></cib>", "cib.xml"), "resources"),
                CibSections.ofText(shown, "resources"));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertEquals(List.of("t.crm:1:10: expected the container, docker or rkt after \"bundle b\","
                + " found \"podman\" (crm 4.4 knows no podman: write the bundle as an xml"
                + " statement)"), errors("bundle b podman image=x"));
        assertEquals(List.of("t.crm:1:16: expected image=<container image> for the docker of"
                + " bundle \"b\" after \"bundle b docker\", found end of line"),
                errors("bundle b docker"));
        assertEquals(List.of("t.crm:1:25: unknown attribute \"foo\" of the docker of bundle \"b\":"
                + " expected one of image, masters, network, options, promoted-max, replicas,"
                + " replicas-per-host, run-command"), errors("bundle b docker image=x foo=1"));
        assertEquals(List.of("t.crm:1:25: port-mapping belongs to the network: write network"
                + " before it"), errors("bundle b docker image=x port-mapping port=1"));
        assertEquals(List.of("t.crm:1:61: expected port= or range= in port-mapping after \"bundle b"
                + " docker image=x network port-mapping internal-port=1\", found end of line"),
                errors("bundle b docker image=x network port-mapping internal-port=1"));
        assertEquals(List.of("t.crm:1:37: bundle \"b\" holds one primitive, and names \"p\""
                + " already"), errors("bundle b docker image=x primitive p primitive q"));
        assertEquals(List.of("t.crm:2:35: bundle \"b\" names \"g\", which is already in group"
                + " \"gg\" (defined at t.crm:3:1)"),
                errors("primitive g Dummy\nbundle b docker image=x primitive g\ngroup gg g"));
        assertEquals(List.of("t.crm:2:35: bundle \"b\" may only contain a primitive, but \"g\" is a"
                + " group"), errors("primitive p Dummy\nbundle b docker image=x primitive g\n"
                        + "group g p"));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
