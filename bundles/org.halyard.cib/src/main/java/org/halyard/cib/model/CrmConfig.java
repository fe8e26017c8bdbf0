package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.halyard.cib.model.attributes.ClusterPropertySet;

/**
 * {@code <crm_config>}: the cluster options, as {@code <cluster_property_set>}s.
 */
@XmlRootElement(name = "crm_config")
public class CrmConfig extends CibElement {

    public List<ClusterPropertySet> clusterPropertySets() {
        return children(ClusterPropertySet.class);
    }

    /**
     * The property sets in the order Pacemaker consults them: the set with id
     * {@value #BOOTSTRAP_OPTIONS_ID} first, then the others by descending score (document order
     * among equal scores). The first set that defines an option decides its value.
     */
    public List<ClusterPropertySet> inPrecedenceOrder() {
        List<ClusterPropertySet> sets = new ArrayList<>(clusterPropertySets());
        sets.sort(Comparator
                .comparing((ClusterPropertySet set) -> !BOOTSTRAP_OPTIONS_ID.equals(set.getId()))
                .thenComparing(set -> -set.scoreValue()));
        return sets;
    }

    /** Id of the property set Pacemaker's own tools write and always consult first. */
    public static final String BOOTSTRAP_OPTIONS_ID = "cib-bootstrap-options";
}
