package org.halyard.cib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.halyard.cib.model.Cib;
import org.junit.jupiter.api.Test;

class CibVersionTest {

    @Test
    void ordersLikePacemakerAdminEpochThenEpochThenNumUpdates() {
        List<CibVersion> versions = new ArrayList<>(List.of(CibVersion.parse("1.0.0"),
                CibVersion.parse("0.10.0"), CibVersion.parse("0.9.99"), CibVersion.parse("0.10.3"),
                CibVersion.parse("0.0.0")));
        versions.sort(null);
        assertEquals("[0.0.0, 0.9.99, 0.10.0, 0.10.3, 1.0.0]", versions.toString());
        assertTrue(CibVersion.parse("1.0.0").isNewerThan(CibVersion.parse("0.999.999")));
        assertFalse(CibVersion.parse("0.5.2").isNewerThan(CibVersion.parse("0.5.2")));
        assertEquals(0, CibVersion.parse("0.5.2").compareTo(new CibVersion(0, 5, 2)));
    }

    @Test
    void bumpsAsPacemakerDoes() {
        CibVersion version = new CibVersion(2, 41, 17);
        assertEquals("2.42.0", version.nextEpoch().toString());
        assertEquals("2.41.18", version.nextUpdate().toString());
    }

    @Test
    void rejectsWhatIsNotAVersion() {
        assertEquals("not a CIB version (admin_epoch.epoch.num_updates): \"1.2\"",
                assertThrows(IllegalArgumentException.class, () -> CibVersion.parse("1.2")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> CibVersion.parse("1.x.2"));
        assertEquals("CIB version components must not be negative: 0.-1.0",
                assertThrows(IllegalArgumentException.class, () -> new CibVersion(0, -1, 0)).getMessage());
    }

    @Test
    void isReadFromAndWrittenToTheCibElement() {
        Cib cib = CibXml.parse("<cib admin_epoch=\"3\" epoch=\"007\" num_updates=\"12\"/>", "cib.xml");
        assertEquals(new CibVersion(3, 7, 12), cib.version());
        assertTrue(CibXml.toXml(cib).contains("epoch=\"007\""), "unchanged values are kept verbatim");
        cib.setVersion(cib.version().nextEpoch());
        assertEquals("<cib admin_epoch=\"3\" epoch=\"8\" num_updates=\"0\"/>\n", CibXml.toXml(cib));
    }

    @Test
    void badVersionAttributesNameFileLineColumn() {
        Cib cib = CibXml.parse("<!-- x -->\n<cib admin_epoch=\"0\" epoch=\"x\" num_updates=\"1\"/>", "cib.xml");
        assertEquals("cib.xml:2:1: <cib> epoch=\"x\" is not a non-negative integer",
                assertThrows(CibException.class, cib::version).getMessage());
        Cib missing = CibXml.parse("<cib epoch=\"1\" num_updates=\"1\"/>", "cib.xml");
        assertEquals("cib.xml:1:1: <cib> has no admin_epoch attribute",
                assertThrows(CibException.class, missing::version).getMessage());
        assertEquals("<cib>: <cib> has no admin_epoch attribute",
                assertThrows(CibException.class, () -> new Cib().version()).getMessage());
    }
}
