package org.halyard.cluster.membership;

import java.io.DataInput;
import java.io.DataOutput;
import java.util.Optional;

import org.halyard.cluster.config.ClusterConfig;
import org.halyard.cluster.config.NodeEntry;
import org.jgroups.Address;
import org.jgroups.Message;
import org.jgroups.View;
import org.jgroups.auth.AuthToken;
import org.jgroups.conf.ClassConfigurator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AUTH token that admits only nodes of the nodelist, once each. The authkey is already proven by
 * the AEAD layer below (a packet that opened came from a key holder); this checks the
 * configuration: the joiner's address must carry a name and nodeid that the coordinator's
 * nodelist pairs the same way, and no current member may already be that node (two daemons
 * started as the same node would otherwise both be members). The token itself carries nothing.
 */
public final class NodelistToken extends AuthToken {

    /** JGroups magic number of this class; custom ones start at 1024. */
    static final short MAGIC = 1871;

    private static final Logger LOG = LoggerFactory.getLogger(NodelistToken.class);

    static {
        // registered by class object, so the JGroups bundle never needs to load our class by name
        ClassConfigurator.addIfAbsent(MAGIC, NodelistToken.class);
    }

    private final ClusterConfig config;

    /** For JGroups, which creates the (empty) token a joiner sends. */
    public NodelistToken() {
        this(null);
    }

    NodelistToken(ClusterConfig config) {
        this.config = config;
    }

    @Override
    public String getName() {
        return NodelistToken.class.getName();
    }

    @Override
    public int size() {
        return 0;
    }

    @Override
    public void writeTo(DataOutput out) {
        // nothing to send: the identity travels in the address
    }

    @Override
    public void readFrom(DataInput in) {
        // see writeTo
    }

    @Override
    public boolean authenticate(AuthToken token, Message msg) {
        if (config == null) {
            return false;
        }
        Address joiner = msg.getSrc();
        Optional<Member> claimed = NodeIdentity.memberOf(joiner);
        if (claimed.isEmpty()) {
            LOG.warn("refused {}: its address carries no Halyard node identity", joiner);
            return false;
        }
        Member member = claimed.get();
        Optional<NodeEntry> entry = config.node(member.nodeid());
        if (entry.isEmpty() || !entry.get().name().equals(member.name())) {
            LOG.warn("refused {}: the nodelist has no node \"{}\" with nodeid {}; is its cluster.conf the same as ours?",
                    joiner, member.name(), member.nodeid());
            return false;
        }
        View view = auth == null ? null : auth.getProtocolStack().getChannel().getView();
        if (view != null) {
            for (Address existing : view.getMembers()) {
                if (!existing.equals(joiner) && NodeIdentity.memberOf(existing).map(m -> m.nodeid() == member.nodeid())
                        .orElse(false)) {
                    LOG.warn("refused {}: node {} is already a member as {}; is a second daemon running as that node?",
                            joiner, member, existing);
                    return false;
                }
            }
        }
        return true;
    }
}
