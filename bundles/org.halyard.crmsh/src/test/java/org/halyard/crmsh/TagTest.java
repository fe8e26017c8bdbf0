package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code tag}: the XML crmsh 4.4 writes for it ({@code crm configure load update} into a
 * file-backed CIB), the text crm configure show prints (without the colon), and errors.
 */
class TagTest {

    private static final String RESOURCES = "primitive a Dummy\nprimitive b Dummy\n";

    @Test
    void tagListsItsIdsInOrder() {
        assertEquals("<tags><tag id=\"tg\"><obj_ref id=\"b\"/><obj_ref id=\"a\"/></tag>"
                + "<tag id=\"tg2\"><obj_ref id=\"a\"/></tag></tags>",
                CibSections.ofText(RESOURCES + "tag tg: b a\ntag tg2 a", "tags"));
    }

    @Test
    void printsAsCrmConfigureShowAndReprintsStably() {
        String printed = CibSections.reprint(RESOURCES + "rsc_ticket t T: tg\ntag tg: b a");
        // crm shows tags right after the resources, before the constraints
        assertEquals("tag tg b a\nrsc_ticket t T: tg\n", printed.substring(printed.indexOf("tag")));
        assertEquals(printed, CibSections.reprint(printed));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertEquals(List.of("t.crm:1:8: expected the ids to tag after \"tag tg:\", found end of"
                + " line"), errors("tag tg:"));
        assertEquals(List.of("t.crm:2:5: tag \"a\": the id is already used by primitive \"a\" at"
                + " t.crm:1:1"), errors("primitive a Dummy\ntag a: b"));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
