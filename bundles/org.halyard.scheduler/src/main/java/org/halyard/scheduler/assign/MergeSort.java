package org.halyard.scheduler.assign;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sorts as Pacemaker's lists are sorted (GLib's g_list_sort: a stable top-down merge sort,
 * first half the shorter one). The result differs from another stable sort only when the
 * comparison is not transitive, as comparing free capacity over several attributes can be;
 * then this reproduces Pacemaker's choice.
 */
final class MergeSort {

    private MergeSort() {
    }

    static <T> List<T> sort(List<T> items, Comparator<? super T> order) {
        if (items.size() < 2) {
            return new ArrayList<>(items);
        }
        int half = items.size() / 2;
        List<T> left = sort(items.subList(0, half), order);
        List<T> right = sort(items.subList(half, items.size()), order);
        List<T> merged = new ArrayList<>(items.size());
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            merged.add(order.compare(left.get(i), right.get(j)) <= 0 ? left.get(i++)
                    : right.get(j++));
        }
        merged.addAll(left.subList(i, left.size()));
        merged.addAll(right.subList(j, right.size()));
        return merged;
    }
}
