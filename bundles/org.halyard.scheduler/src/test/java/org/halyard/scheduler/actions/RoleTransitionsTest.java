package org.halyard.scheduler.actions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.halyard.scheduler.cluster.Role;
import org.junit.jupiter.api.Test;

class RoleTransitionsTest {

    /** The actions taking a resource from one role to another, step by step. */
    private static List<String> path(Role from, Role to) {
        List<String> tasks = new ArrayList<>();
        Role role = from;
        while (role != to) {
            Role next = RoleTransitions.next(role, to);
            String task = RoleTransitions.task(role, next);
            if (task.isEmpty()) {
                break;
            }
            tasks.add(task);
            role = next;
        }
        return tasks;
    }

    @Test
    void promotionStartsFirst() {
        assertEquals(List.of("start", "promote"), path(Role.STOPPED, Role.PROMOTED));
    }

    @Test
    void stoppingAPromotedInstanceDemotesFirst() {
        assertEquals(List.of("demote", "stop"), path(Role.PROMOTED, Role.STOPPED));
    }

    @Test
    void demotionIsOneStep() {
        assertEquals(List.of("demote"), path(Role.PROMOTED, Role.UNPROMOTED));
    }

    @Test
    void startedAndUnpromotedNeedNoAction() {
        assertEquals(List.of(), path(Role.STARTED, Role.UNPROMOTED));
    }
}
