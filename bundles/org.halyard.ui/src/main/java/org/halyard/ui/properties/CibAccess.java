package org.halyard.ui.properties;

import java.util.EnumSet;
import java.util.Set;

import org.halyard.api.ApiException;
import org.halyard.api.ErrorCode;
import org.halyard.cib.CibXml;
import org.halyard.cib.model.Cib;
import org.halyard.ui.connection.ClusterConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a primitive's configuration from a cluster and changes it, over the connection's command
 * channel: {@code cib-query} for the CIB, {@code agent-meta-data} for what the agent declares, and
 * {@code cib-replace} with the version the change was based on, so a change made on a CIB someone
 * else has changed since is refused by the daemon instead of undoing theirs. Blocking: call it
 * from a Job.
 */
public final class CibAccess {

    private static final Logger LOG = LoggerFactory.getLogger(CibAccess.class);
    static final String SOURCE = "the cluster's CIB";
    /** Meta-data refusals that still leave the configured values worth showing. */
    private static final Set<ErrorCode> NO_META_DATA = EnumSet.of(ErrorCode.NOT_FOUND, ErrorCode.BAD_REQUEST,
            ErrorCode.INTERNAL);

    private final ClusterConnection connection;

    public CibAccess(ClusterConnection connection) {
        this.connection = connection;
    }

    /**
     * @throws ApiException        when the cluster cannot be asked (not connected, refused)
     * @throws PropertiesException when the resource is no primitive of the CIB
     * @throws org.halyard.cib.CibException when the daemon's CIB cannot be read
     */
    public PrimitiveProperties load(String rsc) {
        String xml = connection.withCommands(client -> client.call(client.request("cib-query")).text());
        Cib cib = CibXml.parse(xml, SOURCE);
        String agent = PrimitiveProperties.primitive(cib, rsc).agent();
        if (agent.isEmpty()) {
            return PrimitiveProperties.of(xml, cib, rsc, AgentMetaData.none(agent),
                    "no agent of its own (a template's?): its parameters are shown without descriptions");
        }
        try {
            String metadata = connection.withCommands(
                    client -> client.call(client.request("agent-meta-data").with("agent", agent)).text());
            return PrimitiveProperties.of(xml, cib, rsc, AgentMetaData.parse(agent, metadata), "");
        } catch (ApiException e) {
            if (!NO_META_DATA.contains(e.code())) {
                throw e;
            }
            LOG.debug("no meta-data for {}", agent, e);
            return PrimitiveProperties.of(xml, cib, rsc, AgentMetaData.none(agent),
                    "the agent's meta-data could not be read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            return PrimitiveProperties.of(xml, cib, rsc, AgentMetaData.none(agent), e.getMessage());
        }
    }

    /**
     * Makes the change on a copy of the CIB the properties were read from and sends it with that
     * CIB's version as the base.
     *
     * @return the daemon's answer ("CIB 0.12.3 -> 0.13.0")
     * @throws ApiException the daemon's refusal as it worded it, e.g. CONFLICT when the cluster's
     *                      CIB has changed since
     */
    public String commit(PrimitiveProperties base, AttributeChange change) {
        String xml = change.applyTo(base.cibXml());
        return connection.withCommands(client -> client.call(client.request("cib-replace")
                .with("base", base.cibVersion()).withData(xml)).text());
    }
}
