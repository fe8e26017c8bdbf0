package org.halyard.cib.validation;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.attributes.NvPair;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.cib.model.resources.Operations;
import org.halyard.cib.model.rules.Rule;
import org.w3c.dom.Element;

/**
 * Ids in the configuration are XML IDs: unique across the whole section. Pacemaker's schema
 * rejects a CIB with a duplicate, and every {@code id-ref} must name an existing id.
 */
final class IdChecks {

    /** Elements whose id attribute is a name or a reference in the schema, not an XML ID. */
    private static final Set<String> NOT_XML_IDS = Stream.concat(Stream.of("node", "acl_target"),
            ConfigurationIndex.REFERENCE_ELEMENTS.stream()).collect(Collectors.toUnmodifiableSet());

    private final ConfigurationIndex index;
    private final Findings findings;
    /** For each id seen so far: what uses it, and where. */
    private final Map<String, String> firstUse = new HashMap<>();

    private IdChecks(ConfigurationIndex index, Findings findings) {
        this.index = index;
        this.findings = findings;
    }

    static void check(ConfigurationIndex index, Findings findings) {
        new IdChecks(index, findings).walk(index.configuration);
    }

    private void walk(CibElement element) {
        String id = element.getId();
        if (id != null && !NOT_XML_IDS.contains(element.elementName())) {
            record(id, element, "<" + element.elementName() + ">", element);
        }
        checkIdRef(element, idRef(element));
        for (Object child : element.content()) {
            if (child instanceof CibElement model) {
                walk(model);
            } else if (child instanceof Element dom) {
                walk(dom, element);
            }
        }
    }

    private void walk(Element element, CibElement modelAncestor) {
        if (element.hasAttribute("id") && !NOT_XML_IDS.contains(element.getLocalName())) {
            record(element.getAttribute("id"), modelAncestor, "<" + element.getLocalName() + ">",
                    null);
        }
        if (element.hasAttribute("id-ref")) {
            checkIdRef(modelAncestor, element.getAttribute("id-ref"));
        }
        for (org.w3c.dom.Node child = element.getFirstChild(); child != null;
                child = child.getNextSibling()) {
            if (child instanceof Element dom) {
                walk(dom, modelAncestor);
            }
        }
    }

    /**
     * @param reportAt the element whose position a problem gets
     * @param name     how to name the element using the id
     * @param model    the element itself, if it is a model element (else an unknown element
     *                 inside {@code reportAt})
     */
    private void record(String id, CibElement reportAt, String name, CibElement model) {
        String earlier = firstUse.get(id);
        if (earlier == null) {
            firstUse.put(id, model != null ? Findings.describeAt(model)
                    : name + " inside " + Findings.describeAt(reportAt));
        } else if (model != null) {
            findings.error(Check.DUPLICATE_ID, model, "id \"" + id + "\" is already used by "
                    + earlier);
        } else {
            findings.add(Severity.ERROR, Check.DUPLICATE_ID, reportAt, id, "id \"" + id + "\" of "
                    + name + " inside " + reportAt + " is already used by " + earlier);
        }
    }

    private void checkIdRef(CibElement element, String idRef) {
        if (idRef != null && !index.allIds.contains(idRef)) {
            findings.error(Check.UNKNOWN_REFERENCE, element, "<" + element.elementName()
                    + "> refers to unknown id \"" + idRef + "\" (id-ref)");
        }
    }

    private static String idRef(CibElement element) {
        if (element instanceof AttributeSet set) {
            return set.getIdRef();
        } else if (element instanceof NvPair pair) {
            return pair.getIdRef();
        } else if (element instanceof Rule rule) {
            return rule.getIdRef();
        } else if (element instanceof Operations operations) {
            return operations.getIdRef();
        } else if (element instanceof ResourceSet set) {
            return set.getIdRef();
        }
        return element.otherAttribute("id-ref");
    }
}
