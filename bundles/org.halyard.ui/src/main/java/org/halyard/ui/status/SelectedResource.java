package org.halyard.ui.status;

/**
 * What the status view publishes as its selection: a row of the resource tree and the cluster it
 * belongs to, so that another view (the property view) can ask that cluster about it.
 */
public record SelectedResource(String cluster, ResourceRow row) {
}
