package org.halyard.cib.model.resources;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.halyard.cib.model.CibElement;

/**
 * {@code <resources>}: primitives, groups, clones (and legacy masters), bundles and templates, in
 * the order Pacemaker reads them (which matters, e.g. for allocation ties).
 */
@XmlRootElement(name = "resources")
public class Resources extends CibElement {

    /** The top-level resources (templates excluded, since they are not resources). */
    public List<Resource> resources() {
        List<Resource> resources = new ArrayList<>();
        for (Object child : content()) {
            if (child instanceof Resource resource && !(resource instanceof Template)) {
                resources.add(resource);
            }
        }
        return List.copyOf(resources);
    }

    public List<Template> templates() {
        return children(Template.class);
    }

    /**
     * Every resource at any depth, parents before their members (group members, clone children,
     * bundle primitives), templates excluded.
     */
    public List<Resource> allResources() {
        List<Resource> all = new ArrayList<>();
        for (Resource resource : resources()) {
            collect(resource, all);
        }
        return all;
    }

    private static void collect(Resource resource, List<Resource> into) {
        into.add(resource);
        for (Resource member : resource.members()) {
            collect(member, into);
        }
    }

    /** The resource with this id at any depth. */
    public Optional<Resource> find(String id) {
        return allResources().stream().filter(resource -> id.equals(resource.getId())).findFirst();
    }
}
