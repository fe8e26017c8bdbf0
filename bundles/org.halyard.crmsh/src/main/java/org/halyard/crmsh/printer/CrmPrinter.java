package org.halyard.crmsh.printer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.acls.Acls;
import org.halyard.cib.model.alerts.Alert;
import org.halyard.cib.model.attributes.AttributeSet;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cib.model.resources.Bundle;
import org.halyard.cib.model.resources.Clone;
import org.halyard.cib.model.resources.Group;
import org.halyard.cib.model.resources.Master;
import org.halyard.cib.model.resources.Primitive;
import org.halyard.cib.model.resources.Resource;
import org.halyard.cib.model.resources.Template;
import org.halyard.cib.model.rules.Rule;
import org.halyard.cib.model.tags.Tag;

/**
 * A configuration as {@code crm configure show} lays it out: node, rsc_template, primitive,
 * bundle, group, ms, clone, tag, then location, colocation and order together, fencing_topology,
 * rsc_ticket, property, rsc_defaults, op_defaults, role, then acl_target and acl_group
 * together, alert; each kind (or kinds printed together) sorted by id. An object crm syntax
 * cannot say is shown as an xml statement in its place, as crm does. What Halyard prints neither
 * way (property and defaults sets with rules, ACLs of Pacemaker before 1.1.12) is listed in
 * {@code #} comments at the end instead of being dropped silently; the parser skips comments,
 * so the text still loads.
 */
public final class CrmPrinter {

    private final StringBuilder out = new StringBuilder();
    private final List<String> notShown = new ArrayList<>();
    private final ResourcePrinter resources = new ResourcePrinter(notShown);
    private final BundlePrinter bundles = new BundlePrinter(notShown);

    private CrmPrinter() {
    }

    public static String print(Configuration configuration) {
        CrmPrinter printer = new CrmPrinter();
        printer.printAll(configuration);
        return printer.out.toString();
    }

    private void printAll(Configuration configuration) {
        List<Node> nodes = configuration.nodes().map(section -> sorted(section.nodes(),
                Node::getId)).orElse(List.of());
        nodes.forEach(node -> emit(orXml(node, () -> resources.node(node))));
        printResources(configuration);
        configuration.tags().ifPresent(tags -> sorted(tags.tags(), Tag::getId)
                .forEach(tag -> out.append("tag ").append(tag.getId()).append(' ')
                        .append(String.join(" ", tag.referencedIds())).append('\n')));
        configuration.constraints().ifPresent(this::printConstraints);
        configuration.fencingTopology().ifPresent(topology -> emit(FencingTopologyPrinter.print(
                topology, nodes.stream().map(Node::getUname).filter(Objects::nonNull).toList())));
        ConstraintPrinter tickets = new ConstraintPrinter(Set.of());
        configuration.constraints().ifPresent(section -> sorted(section.tickets(),
                Constraint::getId).forEach(ticket -> emit(tickets.ticket(ticket))));
        configuration.crmConfig().ifPresent(section -> section.clusterPropertySets()
                .forEach(set -> optionSet("property", set)));
        configuration.resourceDefaults().ifPresent(section -> section.metaAttributes()
                .forEach(set -> optionSet("rsc_defaults", set)));
        configuration.operationDefaults().ifPresent(section -> section.metaAttributes()
                .forEach(set -> optionSet("op_defaults", set)));
        configuration.acls().ifPresent(this::printAcls);
        AlertPrinter alerts = new AlertPrinter(notShown);
        configuration.alerts().ifPresent(section -> sorted(section.alerts(), Alert::getId)
                .forEach(alert -> emit(orXml(alert, () -> alerts.print(alert)))));
        for (String what : notShown) {
            out.append("# not shown (no crm syntax for it in Halyard yet): ").append(what)
                    .append('\n');
        }
    }

    private void printResources(Configuration configuration) {
        List<Resource> all = new ArrayList<>();
        configuration.resources().ifPresent(section -> {
            all.addAll(section.allResources());
            sorted(section.templates(), Template::getId)
                    .forEach(template -> emit(orXml(template, () -> resources.agent(template))));
        });
        emit(all, Primitive.class, resource -> resources.agent((Primitive) resource));
        emit(all, Bundle.class, resource -> bundles.print((Bundle) resource));
        emit(all, Group.class, resource -> resources.container(resource, "group"));
        emit(all, Master.class, resource -> resources.container(resource, "ms"));
        List<Resource> clones = all.stream()
                .filter(resource -> resource instanceof Clone && !(resource instanceof Master))
                .toList();
        sorted(clones, Resource::getId).forEach(clone -> emit(orXml(clone,
                () -> resources.container(clone, "clone"))));
    }

    /** Locations, colocations and orders, sorted by id together as crm shows them. */
    private void printConstraints(Constraints section) {
        ConstraintPrinter printer = new ConstraintPrinter(section.locations().stream()
                .flatMap(location -> location.rules().stream()).map(Rule::getIdRef)
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        List<Constraint> constraints = new ArrayList<>(section.locations());
        constraints.addAll(section.colocations());
        constraints.addAll(section.orders());
        for (Constraint constraint : sorted(constraints, Constraint::getId)) {
            emit(switch (constraint) {
                case LocationConstraint location -> printer.location(location);
                case ColocationConstraint colocation -> printer.colocation(colocation);
                case OrderConstraint order -> printer.order(order);
                default -> throw new IllegalStateException("not a location, colocation or order: "
                        + constraint);
            });
        }
    }

    /** Roles, then users and groups sorted by id together, as crm shows them. */
    private void printAcls(Acls acls) {
        sorted(acls.roles(), CibElement::getId).forEach(role -> emit(AclPrinter.role(role)));
        List<CibElement> holders = new ArrayList<>(acls.targets());
        holders.addAll(acls.groups());
        sorted(holders, CibElement::getId).forEach(holder -> emit(AclPrinter.holder(holder)));
        acls.unknownElements().forEach(element -> notShown.add("<" + element.getTagName()
                + "> in the acls (ACLs before Pacemaker 1.1.12?)"));
    }

    private void emit(List<Resource> all, Class<? extends Resource> type,
            Function<Resource, Lines> printer) {
        List<Resource> ofType = all.stream().filter(type::isInstance).toList();
        sorted(ofType, Resource::getId).forEach(resource -> emit(orXml(resource,
                () -> printer.apply(resource))));
    }

    /**
     * The object's statement, or its xml if the printer had to leave something out (noting it
     * in {@link #notShown}) or could not say it at all: crm shows xml for what its syntax
     * cannot say, so nothing is lost.
     */
    private Lines orXml(CibElement element, Supplier<Lines> printer) {
        int before = notShown.size();
        Lines lines = printer.get();
        if (lines != null && notShown.size() == before) {
            return lines;
        }
        notShown.subList(before, notShown.size()).clear();
        return XmlLines.of(element);
    }

    private void emit(Lines lines) {
        if (lines != null) {
            lines.appendTo(out);
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
