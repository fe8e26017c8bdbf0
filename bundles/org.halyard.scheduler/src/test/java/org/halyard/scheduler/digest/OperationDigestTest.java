package org.halyard.scheduler.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Digests must equal the ones a Pacemaker controller recorded (values from params-0). */
class OperationDigestTest {

    @Test
    void startDigestMatchesTheRecordedOne() {
        assertEquals("21ccbd2b8e65014ca7b36a2070642a2e",
                OperationDigest.of(Map.of("ip", "127.0.0.10")));
    }

    @Test
    void recurringDigestSortsNamesBytewise() {
        // upper case sorts first, as strcmp does
        assertEquals(" <parameters CRM_meta_timeout=\"20000\" ip=\"127.0.0.10\"/>\n",
                OperationDigest.canonical(Map.of("ip", "127.0.0.10", "CRM_meta_timeout", "20000")));
        assertEquals("517d7b3575d97d408fbe19f3cfcc69fe",
                OperationDigest.of(Map.of("ip", "127.0.0.10", "CRM_meta_timeout", "20000")));
    }

    @Test
    void noParametersIsTheWellKnownEmptyDigest() {
        assertEquals("f2317cad3d54cec5d7d7aa7d0bf35cf8", OperationDigest.of(Map.of()));
    }

    @Test
    void valuesAreEscapedAsTheControllerWroteThem() {
        assertEquals("a&lt;b&gt;&amp;&quot;&apos;\\n    ", OperationDigest.escape("a<b>&\"'\n\t"));
    }
}
