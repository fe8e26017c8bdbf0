package org.halyard.daemon;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.halyard.cib.CibException;
import org.halyard.cib.CibFileStore;
import org.halyard.cib.model.Cib;
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

    static Cib loadOrCreate(CibFileStore store, ClusterConfig config) {
        try {
            Optional<CibFileStore.Loaded> loaded = store.load();
            if (loaded.isEmpty()) {
                Cib cib = fresh(config);
                store.save(cib);
                LOG.info("no CIB yet: created one in {} with the {} nodes of the nodelist", store.currentFile(),
                        config.nodes().size());
                return cib;
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
            return found.cib();
        } catch (CibException e) {
            throw new DaemonException("cannot use the CIB: " + e.getMessage(), e);
        }
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
