package org.halyard.crmsh;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Operation;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.rules.Expression;
import org.halyard.cib.model.rules.Rule;

/** The facts of {@link TextFacts}, read from a CIB model through its public accessors. */
final class ModelFacts {

    private ModelFacts() {
    }

    static TreeSet<String> of(Configuration configuration) {
        TreeSet<String> facts = new TreeSet<>();
        configuration.nodes().orElseThrow().nodes().forEach(node -> node(node, facts));
        for (Resource resource : configuration.resources().orElseThrow().allResources()) {
            if (resource instanceof Primitive primitive) {
                facts.add("primitive " + primitive.getId() + " " + primitive.agent());
                for (Operation op : primitive.operationList()) {
                    TreeSet<String> attrs = new TreeSet<>();
                    add(attrs, "interval", op.getInterval());
                    add(attrs, "timeout", op.getTimeout());
                    add(attrs, "role", op.getRole());
                    add(attrs, "on-fail", op.getOnFail());
                    facts.add(primitive.getId() + " op " + op.getName() + " "
                            + String.join(",", attrs));
                }
            } else {
                String kind = resource instanceof Master ? "master"
                        : resource instanceof Clone ? "clone" : "group";
                List<String> members = resource.members().stream().map(Resource::getId).toList();
                facts.add(kind + " " + resource.getId() + " members=" + String.join(",", members));
            }
            resource.instanceAttributes().forEach(set -> pairs(resource.getId() + " param", set,
                    facts));
            resource.metaAttributes().forEach(set -> pairs(resource.getId() + " meta", set, facts));
        }
        Constraints constraints = configuration.constraints().orElseThrow();
        constraints.locations().forEach(location -> location(location, facts));
        for (ColocationConstraint c : constraints.colocations()) {
            facts.add("colocation " + c.getId() + " score=" + c.getScore() + " rsc="
                    + ref(c.getRsc(), "role", c.getRscRole()) + " with="
                    + ref(c.getWithRsc(), "role", c.getWithRscRole()));
        }
        for (OrderConstraint o : constraints.orders()) {
            facts.add("order " + o.getId() + " kind=" + o.getKind() + " first="
                    + ref(o.getFirst(), "action", o.getFirstAction()) + " then="
                    + ref(o.getThen(), "action", o.getThenAction()));
        }
        configuration.crmConfig().orElseThrow().clusterPropertySets()
                .forEach(set -> pairs("property " + set.getId(), set, facts));
        configuration.resourceDefaults().ifPresent(defaults -> defaults.metaAttributes()
                .forEach(set -> pairs("rsc_defaults " + set.getId(), set, facts)));
        return facts;
    }

    private static void node(Node node, TreeSet<String> facts) {
        facts.add("node " + node.getUname() + " id=" + node.getId());
        node.instanceAttributes().forEach(set -> pairs(node.getUname() + " attribute", set, facts));
    }

    private static void location(LocationConstraint location, TreeSet<String> facts) {
        String head = "location " + location.getId() + " rsc=" + location.getRsc();
        if (location.rules().isEmpty()) {
            facts.add(head + " score=" + location.getScore() + " node=" + location.getNode());
            return;
        }
        for (Rule rule : location.rules()) {
            StringBuilder text = new StringBuilder(head + " rule");
            if (rule.getRole() != null) {
                text.append(" role=").append(rule.getRole());
            }
            text.append(" score=").append(rule.getScore());
            List<String> expressions = new ArrayList<>();
            for (CibElement condition : rule.conditions()) {
                Expression e = (Expression) condition;
                expressions.add(e.getValue() == null ? e.getOperation() + " " + e.getAttribute()
                        : e.getAttribute() + " " + e.getOperation() + " " + e.getValue());
            }
            text.append(' ').append(String.join(rule.isConjunction() ? " and " : " or ",
                    expressions));
            facts.add(text.toString());
        }
    }

    private static void pairs(String prefix, AttributeSet set, TreeSet<String> facts) {
        set.nvPairs().forEach(pair -> facts.add(prefix + " " + pair.getName() + "="
                + pair.getValue()));
    }

    private static void add(TreeSet<String> attrs, String name, String value) {
        if (value != null) {
            attrs.add(name + "=" + value);
        }
    }

    private static String ref(String id, String what, String suffix) {
        return suffix == null ? id : id + " " + what + "=" + suffix;
    }
}
