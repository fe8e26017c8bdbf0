package org.halyard.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.halyard.cib.CibException;
import org.halyard.cib.CibFileStore;
import org.halyard.cib.model.Cib;
import org.halyard.cib.model.CrmConfig;
import org.halyard.cib.model.attributes.ClusterPropertySet;
import org.halyard.cib.model.nodes.Node;
import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.NodeEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's persisted CIB in the state directory, created on a node's first start. */
final class CibStore {

    static final int BACKUPS_KEPT = 10;
    private static final Logger LOG = LoggerFactory.getLogger(CibStore.class);

    private CibStore() {
    }

    static CibFileStore open(Path stateDir) {
        return new CibFileStore(stateDir, BACKUPS_KEPT);
    }

    /**
     * The CIB this node starts with.
     *
     * @param cib         its CIB, or a placeholder when it has none
     * @param awaitsCopy  true when {@code cib} is a placeholder: no CIB file was intact, so the node waits
     *                    for a peer's copy
     */
    record Initial(Cib cib, boolean awaitsCopy) {
    }

    static Initial loadOrCreate(CibFileStore store, ClusterConfig config) {
        try {
            Optional<CibFileStore.Loaded> loaded;
            try {
                loaded = store.load();
            } catch (CibException noIntactCib) {
                return awaitPeerCopy(store, config, noIntactCib.getMessage());
            }
            if (loaded.isEmpty()) {
                List<Path> quarantined = store.quarantined();
                if (!quarantined.isEmpty()) {
                    // set aside by an earlier start, and no peer's copy came since: this is no first start
                    return awaitPeerCopy(store, config, "no CIB in " + store.currentFile().getParent()
                            + " but the damaged ones set aside earlier: " + quarantined);
                }
                Cib cib = fresh(config);
                store.save(cib);
                LOG.info("no CIB yet: created one in {} with the {} nodes of the nodelist", store.currentFile(),
                        config.nodes().size());
                return new Initial(cib, false);
            }
            CibFileStore.Loaded found = loaded.get();
            if (found.recovered()) {
                found.problems().forEach(problem -> LOG.error("DAMAGED CIB ON DISK: {}", problem));
                if (Files.exists(store.currentFile())) {
                    LOG.error("the damaged {} is kept as {}", store.currentFile(), store.quarantineCurrent());
                }
                LOG.error("USING THE NEWEST INTACT BACKUP {} (version {}): changes after it are lost on this node "
                        + "unless a peer has them", found.from(), found.cib().version());
                store.save(found.cib());
            } else {
                LOG.info("CIB loaded from {}: version {}", found.from(), found.cib().version());
            }
            return new Initial(found.cib(), false);
        } catch (CibException e) {
            throw new DaemonException("cannot use the CIB: " + e.getMessage(), e);
        }
    }

    /**
     * No intact CIB on disk: the damaged files are set aside (never deleted) and the node starts
     * with a placeholder, to adopt the first copy a peer sends. The placeholder is in maintenance
     * mode: should this node schedule before the copy arrives, it must not stop resources the
     * placeholder does not know.
     */
    private static Initial awaitPeerCopy(CibFileStore store, ClusterConfig config, String problem) {
        LOG.error("NO INTACT CIB ON DISK: {}", problem);
        List<Path> aside = store.quarantineAll();
        if (!aside.isEmpty()) {
            LOG.error("the damaged CIB files are kept as {}", aside);
        }
        LOG.error("STARTING WITHOUT A CIB: this node waits for a peer's copy and adopts the first it receives; "
                + "until then it refuses configuration changes. If no other node has the cluster's CIB, restore one "
                + "into {} (or move the set-aside files away to start with a new, empty one)",
                store.currentFile().getParent());
        Cib placeholder = fresh(config);
        ClusterPropertySet options = new ClusterPropertySet();
        options.setId(CrmConfig.BOOTSTRAP_OPTIONS_ID);
        options.put("maintenance-mode", "true");
        placeholder.configuration().orElseThrow().crmConfig().orElseThrow().add(options);
        return new Initial(placeholder, true);
    }

    /** What Pacemaker holds for a new cluster: versions at zero, empty sections, the member nodes. */
    private static Cib fresh(ClusterConfig config) {
        Cib cib = Cib.empty();
        var nodes = cib.configuration().orElseThrow().nodes().orElseThrow();
        for (NodeEntry entry : config.nodes()) {
            Node node = new Node();
            node.setId(String.valueOf(entry.nodeid()));
            node.setUname(entry.name());
            nodes.add(node);
        }
        return cib;
    }
}
