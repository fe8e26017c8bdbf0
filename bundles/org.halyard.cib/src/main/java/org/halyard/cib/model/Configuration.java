package org.halyard.cib.model;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.Optional;
import org.halyard.cib.model.acls.Acls;
import org.halyard.cib.model.alerts.Alerts;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.tags.Tags;

/**
 * The {@code <configuration>} section: cluster options, nodes, resources, constraints, defaults,
 * fencing topology, ACLs, tags and alerts.
 */
@XmlRootElement(name = "configuration")
public class Configuration extends CibElement {

    public Optional<CrmConfig> crmConfig() {
        return child(CrmConfig.class);
    }

    public void setCrmConfig(CrmConfig crmConfig) {
        setChild(CrmConfig.class, crmConfig);
    }

    public Optional<Nodes> nodes() {
        return child(Nodes.class);
    }

    public void setNodes(Nodes nodes) {
        setChild(Nodes.class, nodes);
    }

    public Optional<Resources> resources() {
        return child(Resources.class);
    }

    public void setResources(Resources resources) {
        setChild(Resources.class, resources);
    }

    public Optional<Constraints> constraints() {
        return child(Constraints.class);
    }

    public void setConstraints(Constraints constraints) {
        setChild(Constraints.class, constraints);
    }

    public Optional<ResourceDefaults> resourceDefaults() {
        return child(ResourceDefaults.class);
    }

    public void setResourceDefaults(ResourceDefaults resourceDefaults) {
        setChild(ResourceDefaults.class, resourceDefaults);
    }

    public Optional<OperationDefaults> operationDefaults() {
        return child(OperationDefaults.class);
    }

    public void setOperationDefaults(OperationDefaults operationDefaults) {
        setChild(OperationDefaults.class, operationDefaults);
    }

    public Optional<FencingTopology> fencingTopology() {
        return child(FencingTopology.class);
    }

    public void setFencingTopology(FencingTopology fencingTopology) {
        setChild(FencingTopology.class, fencingTopology);
    }

    public Optional<Acls> acls() {
        return child(Acls.class);
    }

    public void setAcls(Acls acls) {
        setChild(Acls.class, acls);
    }

    public Optional<Tags> tags() {
        return child(Tags.class);
    }

    public void setTags(Tags tags) {
        setChild(Tags.class, tags);
    }

    public Optional<Alerts> alerts() {
        return child(Alerts.class);
    }

    public void setAlerts(Alerts alerts) {
        setChild(Alerts.class, alerts);
    }

    /** A configuration with the four sections Pacemaker always writes, all empty. */
    public static Configuration empty() {
        Configuration configuration = new Configuration();
        configuration.setCrmConfig(new CrmConfig());
        configuration.setNodes(new Nodes());
        configuration.setResources(new Resources());
        configuration.setConstraints(new Constraints());
        return configuration;
    }
}
