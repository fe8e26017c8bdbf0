package org.halyard.agents;

import java.util.Objects;

/**
 * Which agent runs a resource: standard, provider (OCF only) and type, as in {@code ocf:heartbeat:Dummy},
 * {@code lsb:ntp}, {@code systemd:sshd} or {@code stonith:fence_ipmilan}.
 *
 * @param provider the OCF provider, {@code null} for every other standard
 */
public record AgentType(Standard standard, String provider, String type) {

    public AgentType {
        Objects.requireNonNull(standard, "standard");
        Objects.requireNonNull(type, "type");
        if (type.isEmpty() || type.contains("/") || type.equals("..") || type.equals(".")) {
            throw new AgentException("invalid agent type \"" + type + "\": must be a plain file or unit name");
        }
        if (standard == Standard.OCF) {
            if (provider == null || provider.isEmpty() || provider.contains("/") || provider.startsWith(".")) {
                throw new AgentException("OCF agent \"" + type + "\" needs a provider such as heartbeat or pacemaker, got "
                        + (provider == null ? "none" : "\"" + provider + "\""));
            }
        } else if (provider != null) {
            throw new AgentException(standard.crmName() + " agent \"" + type + "\" cannot have a provider (\"" + provider
                    + "\"); only OCF agents have one");
        }
    }

    public static AgentType ocf(String provider, String type) {
        return new AgentType(Standard.OCF, provider, type);
    }

    public static AgentType of(Standard standard, String type) {
        return new AgentType(standard, null, type);
    }

    /** Parses the crm form: {@code ocf:<provider>:<type>} or {@code <standard>:<type>}. */
    public static AgentType parse(String spec) {
        String[] parts = spec.split(":", -1);
        Standard standard = Standard.fromCrmName(parts[0]);
        if (standard == Standard.OCF) {
            if (parts.length != 3) {
                throw new AgentException("invalid agent \"" + spec + "\": OCF agents are written ocf:<provider>:<type>");
            }
            return new AgentType(standard, parts[1], parts[2]);
        }
        if (parts.length != 2) {
            throw new AgentException("invalid agent \"" + spec + "\": expected " + standard.crmName() + ":<type>");
        }
        return new AgentType(standard, null, parts[1]);
    }

    @Override
    public String toString() {
        return provider == null ? standard.crmName() + ":" + type : standard.crmName() + ":" + provider + ":" + type;
    }
}
