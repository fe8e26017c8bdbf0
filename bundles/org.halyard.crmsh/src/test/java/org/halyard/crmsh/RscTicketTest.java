package org.halyard.crmsh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code rsc_ticket}: the XML crmsh 4.4 writes for it ({@code crm configure load update} into a
 * file-backed CIB), the text crm configure show prints, and errors.
 */
class RscTicketTest {

    private static final String RESOURCES = "primitive a Dummy\nprimitive b Dummy\n"
            + "primitive c Dummy\n";

    @Test
    void oneResourceIsAnAttribute() {
        assertEquals("<constraints><rsc_ticket id=\"t1\" rsc=\"a\" ticket=\"ticketA\""
                + " loss-policy=\"stop\"/><rsc_ticket id=\"t2\" rsc=\"b\" rsc-role=\"Master\""
                + " ticket=\"ticketB\"/></constraints>",
                CibSections.ofText(RESOURCES + "rsc_ticket t1 ticketA: a loss-policy=stop\n"
                        + "rsc_ticket t2 ticketB: b:master", "constraints"));
    }

    @Test
    void severalResourcesMakeASetWheneverTheRoleChanges() {
        assertEquals("<constraints><rsc_ticket id=\"t2\" ticket=\"ticketB\" loss-policy=\"fence\">"
                + "<resource_set id=\"t2-0\" role=\"Started\"><resource_ref id=\"a\"/>"
                + "</resource_set><resource_set id=\"t2-1\"><resource_ref id=\"b\"/>"
                + "</resource_set><resource_set id=\"t2-2\" role=\"Master\">"
                + "<resource_ref id=\"c\"/></resource_set></rsc_ticket>"
                + "<rsc_ticket id=\"t3\" ticket=\"ticketC\"><resource_set id=\"t3-0\">"
                + "<resource_ref id=\"a\"/><resource_ref id=\"b\"/></resource_set></rsc_ticket>"
                + "</constraints>",
                CibSections.ofText(RESOURCES
                        + "rsc_ticket t2 ticketB: a:Started b c:Master loss-policy=fence\n"
                        + "rsc_ticket t3 ticketC: a b", "constraints"));
    }

    @Test
    void printsAsCrmConfigureShowAndReprintsStably() {
        String shown = """
                rsc_ticket t1 ticketA: a loss-policy=stop
                rsc_ticket t2 ticketB: a:Started b c:Master loss-policy=fence
                rsc_ticket t3 ticketC: a b
                rsc_ticket t4 ticketD: ( a b ) c:Slave loss-policy=demote
                """;
        String printed = CibSections.reprint(RESOURCES + shown);
        assertEquals(shown, printed.substring(printed.indexOf("rsc_ticket")));
        assertEquals(printed, CibSections.reprint(printed));
    }

    @Test
    void errorsSayWhatWasExpected() {
        assertEquals(List.of("t.crm:4:15: expected the ticket's name followed by \":\" (ticketA:)"
                + " after \"rsc_ticket t1\", found \"ticketA\""),
                errors(RESOURCES + "rsc_ticket t1 ticketA a"));
        assertEquals(List.of("t.crm:4:40: expected the resources that need ticket \"ticketA\""
                + " after \"rsc_ticket t1 ticketA: loss-policy=stop\", found end of line"),
                errors(RESOURCES + "rsc_ticket t1 ticketA: loss-policy=stop"));
        assertEquals(List.of("t.crm:4:26: unknown loss-policy \"restart\": expected one of stop,"
                + " demote, fence, freeze"),
                errors(RESOURCES + "rsc_ticket t1 ticketA: a loss-policy=restart"));
        assertEquals(List.of("t.crm:4:24: unknown role \"Boss\" in \"a:Boss\": expected one of "
                + String.join(", ", rolesListedByTheParser())),
                errors(RESOURCES + "rsc_ticket t1 ticketA: a:Boss"));
    }

    private static List<String> rolesListedByTheParser() {
        String message = errors("primitive a Dummy\ncolocation c inf: a:Boss a").get(0);
        return List.of(message.substring(message.indexOf("one of ") + 7).split(", "));
    }

    private static List<String> errors(String text) {
        CrmSyntaxException e = assertThrows(CrmSyntaxException.class,
                () -> CrmConfigure.parse(text, "t.crm"));
        return e.errors().stream().map(CrmError::toString).toList();
    }
}
