package org.halyard.scheduler.ordering;

import static org.halyard.scheduler.actions.OrderFlags.APPLY_FIRST_NON_MIGRATABLE;
import static org.halyard.scheduler.actions.OrderFlags.OPTIONAL;

import java.util.ArrayList;
import java.util.List;
import org.halyard.scheduler.resource.ScheduledResource;

/**
 * Translates orderings between resources into their equivalents for resources that migrate
 * (Pacemaker's pcmk__order_migration_equivalents): a migration has no real start, so "A start
 * then B start" must also hold B's migrate_to back until A is up, and "A stop then B stop" must
 * hold it until A is down.
 */
public final class MigrationOrderings {

    private MigrationOrderings() {
    }

    /** Adds the migration equivalents of the given orderings to the list. */
    public static void add(List<Ordering> orderings) {
        List<Ordering> added = new ArrayList<>();
        for (Ordering o : orderings) {
            ScheduledResource first = o.firstRsc();
            ScheduledResource then = o.thenRsc();
            if (first == null || then == null || first == then || related(first, then)
                    || !first.migrating && !then.migrating) {
                continue;
            }
            String firstTask = o.firstTask();
            String thenTask = o.thenTask();
            int unlessFirstMigrates = first.migrating ? OPTIONAL | APPLY_FIRST_NON_MIGRATABLE : OPTIONAL;
            if ("start".equals(firstTask) && "start".equals(thenTask)) {
                if (first.migrating && then.migrating) {
                    added.add(order(first, "migrate_from", then, "migrate_to", OPTIONAL));
                }
                if (then.migrating) {
                    added.add(order(first, "start", then, "migrate_to", unlessFirstMigrates));
                }
            } else if (then.migrating && "stop".equals(firstTask) && "stop".equals(thenTask)) {
                added.add(order(first, "stop", then, "migrate_to", unlessFirstMigrates));
            } else if (then.migrating && "promote".equals(firstTask) && "start".equals(thenTask)) {
                added.add(order(first, "promote", then, "migrate_to", OPTIONAL));
            } else if (then.migrating && "demote".equals(firstTask) && "stop".equals(thenTask)) {
                added.add(order(first, "demote", then, "migrate_to", OPTIONAL));
            }
        }
        orderings.addAll(added);
    }

    private static boolean related(ScheduledResource a, ScheduledResource b) {
        for (ScheduledResource p = a.parent(); p != null; p = p.parent()) {
            if (p == b) {
                return true;
            }
        }
        for (ScheduledResource p = b.parent(); p != null; p = p.parent()) {
            if (p == a) {
                return true;
            }
        }
        return false;
    }

    private static Ordering order(ScheduledResource first, String firstTask, ScheduledResource then,
            String thenTask, int flags) {
        return new Ordering(first, firstTask, null, then, thenTask, null, flags);
    }
}
