package org.halyard.cib.model;

import java.util.List;
import org.halyard.cib.model.acls.AclGroup;
import org.halyard.cib.model.acls.AclPermission;
import org.halyard.cib.model.acls.AclRole;
import org.halyard.cib.model.acls.AclRoleRef;
import org.halyard.cib.model.acls.AclTarget;
import org.halyard.cib.model.acls.Acls;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.alerts.AlertRecipient;
import org.halyard.cib.model.alerts.Alerts;
import org.halyard.cib.model.attributes.ClusterPropertySet;
import org.halyard.cib.model.attributes.InstanceAttributes;
import org.halyard.cib.model.attributes.MetaAttributes;
import org.halyard.cib.model.attributes.NvPair;
import org.halyard.cib.model.attributes.Utilization;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.constraints.Lifetime;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.constraints.ResourceRef;
import org.halyard.cib.model.constraints.ResourceSet;
import org.halyard.cib.model.constraints.TicketConstraint;
import org.halyard.cib.model.fencing.FencingLevel;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.nodes.Nodes;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Operations;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resources;
import org.halyard.cib.model.resources.Template;
import org.halyard.cib.model.rules.DateExpression;
import org.halyard.cib.model.rules.DateSpec;
import org.halyard.cib.model.rules.Duration;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.OperationExpression;
import org.halyard.cib.model.rules.ResourceExpression;
import org.halyard.cib.model.rules.Rule;
import org.halyard.cib.model.status.Lrm;
import org.halyard.cib.model.status.LrmResources;
import org.halyard.cib.model.status.NodeState;
import org.halyard.cib.model.status.OperationHistory;
import org.halyard.cib.model.status.ResourceHistory;
import org.halyard.cib.model.status.Status;
import org.halyard.cib.model.status.TicketState;
import org.halyard.cib.model.status.Tickets;
import org.halyard.cib.model.status.TransientAttributes;
import org.halyard.cib.model.tags.ObjectRef;
import org.halyard.cib.model.tags.Tag;
import org.halyard.cib.model.tags.Tags;

/**
 * Every element class of the model. The JAXB context must know all of them up front: children
 * are bound by element name wherever they appear ({@code @XmlAnyElement(lax = true)}), so a
 * class missing here would silently be kept as an unknown DOM element instead.
 */
public final class CibModel {

    /** The classes to create the JAXB context with. */
    public static final List<Class<?>> ELEMENT_CLASSES = List.of(
            Cib.class,
            XmlComment.class,
            XmlProcessingInstruction.class,
            Configuration.class,
            CrmConfig.class,
            ResourceDefaults.class,
            OperationDefaults.class,
            NvPair.class,
            MetaAttributes.class,
            InstanceAttributes.class,
            Utilization.class,
            ClusterPropertySet.class,
            Rule.class,
            Expression.class,
            DateExpression.class,
            DateSpec.class,
            Duration.class,
            ResourceExpression.class,
            OperationExpression.class,
            Nodes.class,
            Node.class,
            Resources.class,
            Primitive.class,
            Template.class,
            Group.class,
            Clone.class,
            Master.class,
            Bundle.class,
            Operations.class,
            Operation.class,
            Constraints.class,
            LocationConstraint.class,
            ColocationConstraint.class,
            OrderConstraint.class,
            TicketConstraint.class,
            ResourceSet.class,
            ResourceRef.class,
            Lifetime.class,
            FencingTopology.class,
            FencingLevel.class,
            Acls.class,
            AclTarget.class,
            AclGroup.class,
            AclRole.class,
            AclPermission.class,
            AclRoleRef.class,
            Alerts.class,
            Alert.class,
            AlertRecipient.class,
            Tags.class,
            Tag.class,
            ObjectRef.class,
            Status.class,
            NodeState.class,
            TransientAttributes.class,
            Lrm.class,
            LrmResources.class,
            ResourceHistory.class,
            OperationHistory.class,
            Tickets.class,
            TicketState.class);

    private CibModel() {
    }
}
