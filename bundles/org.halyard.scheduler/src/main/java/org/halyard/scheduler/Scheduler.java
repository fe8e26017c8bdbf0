package org.halyard.scheduler;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.Configuration;
import org.halyard.cib.model.constraints.ColocationConstraint;
import org.halyard.cib.model.constraints.Constraint;
import org.halyard.cib.model.constraints.Constraints;
import org.halyard.cib.model.constraints.LocationConstraint;
import org.halyard.cib.model.constraints.OrderConstraint;
import org.halyard.scheduler.actions.Action;
import org.halyard.scheduler.actions.ActionTable;
import org.halyard.scheduler.actions.ImplicitOrderings;
import org.halyard.scheduler.actions.OrderingGraph;
import org.halyard.scheduler.actions.OrderingPropagation;
import org.halyard.scheduler.actions.PrimitiveActions;
import org.halyard.scheduler.assign.Assigner;
import org.halyard.scheduler.assign.NodeAvailability;
import org.halyard.scheduler.cluster.ClusterNode;
import org.halyard.scheduler.cluster.ClusterOptions;
import org.halyard.scheduler.cluster.NodeReader;
import org.halyard.scheduler.clone.CloneActions;
import org.halyard.scheduler.clone.CloneHistory;
import org.halyard.scheduler.colocation.ColocationIndex;
import org.halyard.scheduler.colocation.ColocationReader;
import org.halyard.scheduler.digest.DefinitionChanges;
import org.halyard.scheduler.history.HistoryReader;
import org.halyard.scheduler.location.LocationConstraints;
import org.halyard.scheduler.location.NodeHealth;
import org.halyard.scheduler.ordering.MigrationOrderings;
import org.halyard.scheduler.ordering.OrderReader;
import org.halyard.scheduler.ordering.Ordering;
import org.halyard.scheduler.output.SummaryBuilder;
import org.halyard.scheduler.resource.ResourceReader;
import org.halyard.scheduler.resource.ResourceReader.ResourceTree;
import org.halyard.scheduler.resource.ScheduledResource;
import org.halyard.scheduler.resource.Variant;
import org.halyard.scheduler.utilization.LoadOrderings;
import org.halyard.scheduler.utilization.NodeCapacities;
import org.halyard.scheduler.utilization.PlacementStrategy;

/**
 * The policy engine: a pure function from a CIB (configuration and status) to a
 * {@link Transition}. Steps follow Pacemaker's scheduler: unpack nodes and resource history,
 * apply location constraints, stickiness and failure limits, assign resources in priority
 * order, create actions, propagate orderings, derive the summary.
 */
public final class Scheduler {

    private Scheduler() {
    }

    /**
     * Schedules a CIB as crm_simulate does: the CIB may be a sanitized copy, so a change of
     * only secure parameters (masked passwords) does not restart a resource.
     *
     * @throws SchedulerException if the CIB uses a feature not implemented yet
     */
    public static Transition schedule(Cib cib) {
        return schedule(cib, true);
    }

    /**
     * Schedules a CIB.
     *
     * @param sanitized true for a simulation of a possibly sanitized CIB; false for the live
     *                  cluster, where a changed password must restart the resource
     * @throws SchedulerException if the CIB uses a feature not implemented yet
     */
    public static Transition schedule(Cib cib, boolean sanitized) {
        return schedule(cib, sanitized, null);
    }

    /**
     * Schedules a CIB as of a given time, as {@code crm_simulate -t} does.
     *
     * @param now the time (UTC) rules are evaluated at; null for the CIB's execution-date
     *            (a saved scheduler input) or else the current time
     * @throws SchedulerException if the CIB uses a feature not implemented yet
     */
    public static Transition schedule(Cib cib, boolean sanitized, LocalDateTime now) {
        List<String> unsupported = FeatureSupport.unsupported(cib);
        if (!unsupported.isEmpty()) {
            throw new SchedulerException("not yet supported: " + String.join(", ", unsupported));
        }
        return new Run(cib, sanitized, now).execute();
    }

    /** The state of one run; never shared between runs. */
    private static final class Run {
        private final Cib cib;
        private final ClusterOptions options;
        private final Map<String, ClusterNode> nodes = new LinkedHashMap<>();
        private final List<ScheduledResource> topLevel = new ArrayList<>();
        private final Map<String, ScheduledResource> resources = new LinkedHashMap<>();
        private final ColocationIndex colocations = new ColocationIndex();
        private final List<Ordering> orderings = new ArrayList<>();
        private final boolean sanitized;

        Run(Cib cib, boolean sanitized, LocalDateTime now) {
            this.cib = cib;
            this.sanitized = sanitized;
            ClusterOptions read = ClusterOptions.read(cib);
            LocalDateTime time = now != null ? now : executionDate(cib);
            this.options = time == null ? read : read.at(time);
        }

        /** A saved scheduler input records when it ran; a replay evaluates rules then. */
        private static LocalDateTime executionDate(Cib cib) {
            String epoch = cib.getExecutionDate();
            if (epoch == null || !epoch.trim().matches("[0-9]+")) {
                return null;
            }
            return LocalDateTime.ofEpochSecond(Long.parseLong(epoch.trim()), 0,
                    java.time.ZoneOffset.UTC);
        }

        Transition execute() {
            NodeReader.read(cib, options).forEach(n -> nodes.put(n.uname(), n));
            ResourceTree tree = ResourceReader.read(cib, options);
            topLevel.addAll(tree.topLevel());
            tree.byId().forEach(resources::put);
            linkContainers();
            initialScores();
            Map<String, ScheduledResource> primitives = new LinkedHashMap<>();
            resources.values().stream().filter(r -> r.variant() == Variant.PRIMITIVE)
                    .forEach(r -> primitives.put(r.id(), r));
            DefinitionChanges definitions = new DefinitionChanges(cib, options, sanitized,
                    primitives);
            CloneHistory cloneHistory = new CloneHistory(resources, nodes,
                    clone -> register(tree.instances().add(clone), primitives));
            Map<String, Map<String, ScheduledResource>> resolved = HistoryReader.read(cib,
                    options, nodes, primitives, this::orphan,
                    definitions::failureParametersChanged, cloneHistory::find);
            readConstraints();
            NodeCriteria.apply(options, nodes, topLevel);
            definitions.check(cib, nodes, resolved);
            ImplicitOrderings implicit = new ImplicitOrderings(orderings, colocations);
            List<ScheduledResource> order = new ArrayList<>(topLevel);
            order.sort(Comparator.comparingInt(r -> -r.priority));
            order.forEach(implicit::add);
            NodeAvailability availability = new NodeAvailability(nodes,
                    PlacementStrategy.parse(options.placementStrategy()),
                    NodeCapacities.configured(cib, options.now()));
            boolean haveStonith = resources.values().stream()
                    .anyMatch(r -> r.config().isStonith());
            Assigner assigner = new Assigner(options, availability, colocations, haveStonith);
            order = assigner.assignmentOrder(order);
            order.forEach(assigner::assign);
            ActionTable actions = new ActionTable(options, nodes);
            createActions(order, actions);
            SummaryBuilder summary = new SummaryBuilder(actions);
            Fencing.schedule(options, nodes, order, actions, haveStonith, summary);
            ProbeBlocking.apply(options, nodes.values(), order, actions);
            LoadOrderings.add(availability.strategy(), resources.values(), actions, orderings);
            MigrationOrderings.add(orderings);
            new OrderingGraph(actions).apply(orderings);
            ColocationBlocking blocking = new ColocationBlocking(colocations, actions);
            actions.all().forEach(blocking::accept);
            new OrderingPropagation(actions, blocking).run();
            order.forEach(summary::addResource);
            return result(assigner, actions, summary);
        }

        /** Pacemaker's setup_container: a primitive's container meta-attribute names it. */
        private void linkContainers() {
            for (ScheduledResource rsc : resources.values()) {
                String id = rsc.config().meta().get("container");
                if (rsc.variant() == Variant.PRIMITIVE && id != null && !id.equals(rsc.id())) {
                    rsc.container = resources.get(id);
                    if (rsc.container != null) {
                        rsc.container.fillers.add(rsc);
                    }
                }
            }
        }

        private void initialScores() {
            resources.values().forEach(this::initialScores);
        }

        private void initialScores(ScheduledResource rsc) {
            if (options.symmetricCluster()) {
                nodes.values().forEach(n -> rsc.allowed.put(n.uname(), n.weight()));
            }
            rsc.nextRole = HistoryReader.requestedRole(rsc);
        }

        /** Registers an instance created while reading the history, with its members. */
        private ScheduledResource register(ScheduledResource instance,
                Map<String, ScheduledResource> primitives) {
            List<ScheduledResource> all = new ArrayList<>(List.of(instance));
            all.addAll(instance.children());
            for (ScheduledResource rsc : all) {
                resources.put(rsc.id(), rsc);
                initialScores(rsc);
                if (rsc.variant() == Variant.PRIMITIVE) {
                    primitives.put(rsc.id(), rsc);
                }
            }
            return instance;
        }

        private ScheduledResource orphan(String id,
                org.halyard.cib.model.status.ResourceHistory history) {
            ScheduledResource rsc = Orphans.create(id, history, options, nodes);
            topLevel.add(rsc);
            resources.put(id, rsc);
            return rsc;
        }

        private void readConstraints() {
            List<Constraint> all = cib.configuration().flatMap(Configuration::constraints)
                    .map(Constraints::constraints).orElse(List.of());
            ColocationReader colocationReader = new ColocationReader(resources, colocations);
            OrderReader orderReader = new OrderReader(resources, orderings);
            List<LocationConstraint> locations = new ArrayList<>();
            for (Constraint constraint : all) {
                switch (constraint) {
                    case LocationConstraint location -> locations.add(location);
                    case ColocationConstraint colocation -> colocationReader.read(colocation);
                    case OrderConstraint order -> orderReader.read(order);
                    default -> { }
                }
            }
            NodeHealth.apply(options, List.copyOf(nodes.values()), topLevel);
            new LocationConstraints(List.copyOf(nodes.values()), resources, topLevel,
                    options.now()).apply(locations);
        }

        private void createActions(List<ScheduledResource> order, ActionTable actions) {
            PrimitiveActions primitiveActions = new PrimitiveActions(actions, nodes);
            Consumer<ScheduledResource> single = rsc -> {
                if (rsc.variant() == Variant.GROUP) {
                    rsc.children().forEach(primitiveActions::create);
                    for (String task : List.of("start", "running", "stop", "stopped")) {
                        actions.pseudoAction(rsc, task);
                    }
                } else {
                    primitiveActions.create(rsc);
                }
            };
            CloneActions cloneActions = new CloneActions(actions, single);
            for (ScheduledResource rsc : order) {
                if (rsc.isClone()) {
                    cloneActions.create(rsc);
                } else {
                    single.accept(rsc);
                }
            }
        }

        private Transition result(Assigner assigner, ActionTable actions,
                SummaryBuilder summary) {
            Map<String, String> placements = new LinkedHashMap<>();
            for (ScheduledResource rsc : resources.values()) {
                if (rsc.variant() == Variant.PRIMITIVE && rsc.assignedTo != null) {
                    placements.put(rsc.id(), rsc.assignedTo);
                }
            }
            List<String> scheduled = new ArrayList<>();
            for (Action action : actions.all()) {
                if (!action.optional() && !action.pseudo()) {
                    scheduled.add(action.key() + (action.node() == null ? "" : " "
                            + action.node()) + (action.runnable() ? "" : " (blocked)"));
                }
            }
            return new Transition(assigner.scores(), placements, scheduled, summary.items(),
                    ActionGraph.of(actions.all()));
        }
    }
}
