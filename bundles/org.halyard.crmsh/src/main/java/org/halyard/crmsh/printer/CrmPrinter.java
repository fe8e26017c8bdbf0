package org.halyard.crmsh.printer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.fencing.FencingTopology;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Template;
import org.halyard.cib.model.tags.Tag;

/**
 * A configuration as {@code crm configure show} lays it out: node, rsc_template, primitive,
 * group, ms, clone, location, colocation, order, fencing_topology, rsc_ticket, tag, property,
 * rsc_defaults, op_defaults, alert, each kind sorted by id. What crm syntax cannot say here
 * (bundles, ACLs, rule-based sets...) is listed in {@code #} comments at the end instead of
 * being dropped silently; the parser skips comments, so the text still loads.
 */
public final class CrmPrinter {

    private final StringBuilder out = new StringBuilder();
    private final List<String> notShown = new ArrayList<>();
    private final ResourcePrinter resources = new ResourcePrinter(notShown);
    private final ConstraintPrinter constraints = new ConstraintPrinter(notShown);

    private CrmPrinter() {
    }

    public static String print(Configuration configuration) {
        CrmPrinter printer = new CrmPrinter();
        printer.printAll(configuration);
        return printer.out.toString();
    }

    private void printAll(Configuration configuration) {
        configuration.nodes().ifPresent(nodes -> sorted(nodes.nodes(), Node::getId)
                .forEach(node -> resources.node(node).appendTo(out)));
        List<Resource> all = new ArrayList<>();
        configuration.resources().ifPresent(section -> {
            all.addAll(section.allResources());
            sorted(section.templates(), Template::getId)
                    .forEach(template -> resources.agent(template).appendTo(out));
        });
        emit(all, Primitive.class, resource -> resources.agent((Primitive) resource));
        emit(all, Group.class, resource -> resources.container(resource, "group"));
        emit(all, Master.class, resource -> resources.container(resource, "ms"));
        List<Resource> clones = all.stream()
                .filter(resource -> resource instanceof Clone && !(resource instanceof Master))
                .toList();
        sorted(clones, Resource::getId)
                .forEach(clone -> resources.container(clone, "clone").appendTo(out));
        for (Resource resource : all) {
            if (resource instanceof Bundle) {
                notShown.add("bundle \"" + resource.getId() + "\"");
            }
        }
        configuration.constraints().ifPresent(section -> {
            emitConstraints(section.locations(), constraints::location);
            emitConstraints(section.colocations(), constraints::colocation);
            emitConstraints(section.orders(), constraints::order);
        });
        configuration.fencingTopology().ifPresent(topology -> fencingTopology(configuration,
                topology));
        configuration.constraints().ifPresent(section -> emitConstraints(section.tickets(),
                constraints::ticket));
        configuration.tags().ifPresent(tags -> sorted(tags.tags(), Tag::getId)
                .forEach(tag -> out.append("tag ").append(tag.getId()).append(' ')
                        .append(String.join(" ", tag.referencedIds())).append('\n')));
        configuration.crmConfig().ifPresent(section -> section.clusterPropertySets()
                .forEach(set -> optionSet("property", set)));
        configuration.resourceDefaults().ifPresent(section -> section.metaAttributes()
                .forEach(set -> optionSet("rsc_defaults", set)));
        configuration.operationDefaults().ifPresent(section -> section.metaAttributes()
                .forEach(set -> optionSet("op_defaults", set)));
        configuration.acls().ifPresent(x -> notShown.add("acls"));
        AlertPrinter alerts = new AlertPrinter(notShown);
        configuration.alerts().ifPresent(section -> sorted(section.alerts(), Alert::getId)
                .stream().map(alerts::print).filter(Objects::nonNull)
                .forEach(lines -> lines.appendTo(out)));
        for (String what : notShown) {
            out.append("# not shown (no crm syntax for it in Halyard yet): ").append(what)
                    .append('\n');
        }
    }

    /** Node names in the order nodes are printed, for the short form of fencing_topology. */
    private void fencingTopology(Configuration configuration, FencingTopology topology) {
        List<String> nodeNames = configuration.nodes()
                .map(nodes -> sorted(nodes.nodes(), Node::getId).stream().map(Node::getUname)
                        .filter(Objects::nonNull).toList())
                .orElse(List.of());
        Lines lines = new FencingTopologyPrinter(notShown).print(topology, nodeNames);
        if (lines != null) {
            lines.appendTo(out);
        }
    }

    private void emit(List<Resource> all, Class<? extends Resource> type,
            Function<Resource, Lines> printer) {
        List<Resource> ofType = all.stream().filter(type::isInstance).toList();
        sorted(ofType, Resource::getId).forEach(resource -> printer.apply(resource).appendTo(out));
    }

    private <T extends Constraint> void emitConstraints(List<T> list, Function<T, Lines> printer) {
        for (T constraint : sorted(list, Constraint::getId)) {
            Lines lines = printer.apply(constraint);
            if (lines != null) {
                lines.appendTo(out);
            }
        }
    }

    /** {@code property <id>: \ name=value \ ...}, one pair per line as crm 4 shows them. */
    private void optionSet(String keyword, AttributeSet set) {
        if (set.isConditional() || set.getIdRef() != null || set.getScore() != null) {
            notShown.add(keyword + " set \"" + set.getId() + "\" (rule, score or id-ref)");
            return;
        }
        Lines lines = new Lines(keyword + " " + set.getId() + ":");
        Pairs.of(set, notShown).forEach(lines::line);
        lines.appendTo(out);
    }

    static <T extends CibElement> List<T> sorted(List<T> elements, Function<T, String> key) {
        List<T> copy = new ArrayList<>(elements);
        copy.sort(Comparator.comparing(key, Comparator.nullsFirst(Comparator.naturalOrder())));
        return copy;
    }
}
