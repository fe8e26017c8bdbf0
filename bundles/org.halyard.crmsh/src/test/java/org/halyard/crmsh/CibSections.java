package org.halyard.crmsh;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;

/** One section of a CIB as compact XML, for comparing what text and XML make of it. */
final class CibSections {

    private CibSections() {
    }

    /** The section's XML without comments and layout; empty if the CIB has no such section. */
    static String of(Cib cib, String element) {
        String xml = CibXml.toXml(cib).replaceAll("(?s)<!--.*?-->", "")
                .replaceAll(">\\s+<", "><");
        Matcher whole = Pattern.compile("<" + element + "(?:\\s[^>]*)?/>|<" + element
                + "(?:\\s[^>]*)?>.*?</" + element + ">", Pattern.DOTALL).matcher(xml);
        return whole.find() ? whole.group() : "";
    }

    /** The section as crm text would make it: the text parsed with {@link CrmConfigure}. */
    static String ofText(String crm, String element) {
        return of(CrmConfigure.parse(crm, "t.crm").cib(), element);
    }

    /** What crm configure show would print for a CIB with this configuration (its children). */
    static String printed(String configuration) {
        return CrmConfigure.print(CibXml.parse("<cib><configuration>" + configuration
                + "</configuration><status/></cib>", "cib.xml").configuration().orElseThrow());
    }

    /** Text → CIB → text: the text crm configure show would print for what {@code crm} says. */
    static String reprint(String crm) {
        return CrmConfigure.print(CrmConfigure.parse(crm, "t.crm").configuration());
    }
}
