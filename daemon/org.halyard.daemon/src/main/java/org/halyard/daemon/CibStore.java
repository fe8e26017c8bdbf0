package org.halyard.daemon;

import java.nio.file.Files;
import java.nio.file.Path;

import org.halyard.cib.CibException;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The node's persisted CIB: {@code STATE/cib.xml}, created empty on a node's first start. */
final class CibStore {

    static final String FILE = "cib.xml";
    private static final Logger LOG = LoggerFactory.getLogger(CibStore.class);
    /** What Pacemaker writes for a new cluster: versions at zero, the sections present and empty. */
    private static final String EMPTY = """
            <cib admin_epoch="0" epoch="0" num_updates="0" validate-with="pacemaker-3.9" crm_feature_set="3.16.2">
              <configuration>
                <crm_config/>
                <nodes/>
                <resources/>
                <constraints/>
              </configuration>
              <status/>
            </cib>
            """;

    private CibStore() {
    }

    static Cib loadOrCreate(Path stateDir) {
        Path file = stateDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                Cib cib = CibXml.load(file);
                LOG.info("CIB loaded from {}: version {}", file, cib.version());
                return cib;
            }
            Cib cib = CibXml.parse(EMPTY, file.toString());
            CibXml.save(cib, file);
            LOG.info("no CIB yet: created an empty one in {}", file);
            return cib;
        } catch (CibException e) {
            throw new DaemonException("cannot use the CIB: " + e.getMessage(), e);
        }
    }
}
