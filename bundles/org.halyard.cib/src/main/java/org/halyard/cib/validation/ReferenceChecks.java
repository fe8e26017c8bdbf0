package org.halyard.cib.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.acls.AclGroup;
import org.halyard.cib.model.acls.AclPermission;
import org.halyard.cib.model.acls.AclRole;
import org.halyard.cib.model.acls.AclRoleRef;
import org.halyard.cib.model.acls.AclTarget;
import org.halyard.cib.model.acls.Acls;
import org.halyard.cib.model.tags.ObjectRef;
import org.halyard.cib.model.tags.Tag;
import org.halyard.cib.model.tags.Tags;

/** References outside constraints: ACL roles and permission targets, tag members. */
final class ReferenceChecks {

    private ReferenceChecks() {
    }

    static void check(ConfigurationIndex index, Findings findings) {
        acls(index, findings);
        tags(index, findings);
    }

    private static void acls(ConfigurationIndex index, Findings findings) {
        Acls acls = index.configuration.acls().orElse(null);
        if (acls == null) {
            return;
        }
        Set<String> roles = new HashSet<>();
        acls.roles().forEach(role -> roles.add(role.getId()));
        List<CibElement> holders = new ArrayList<>(acls.targets());
        holders.addAll(acls.groups());
        for (CibElement holder : holders) {
            List<AclRoleRef> refs = holder instanceof AclTarget target ? target.roleRefs()
                    : ((AclGroup) holder).roleRefs();
            for (AclRoleRef ref : refs) {
                if (!roles.contains(ref.getId())) {
                    findings.add(Severity.ERROR, Check.UNKNOWN_REFERENCE, ref, holder.getId(),
                            holder.elementName() + " \"" + holder.getId()
                                    + "\" refers to unknown role \"" + ref.getId() + "\"");
                }
            }
        }
        for (AclRole role : acls.roles()) {
            for (AclPermission permission : role.permissions()) {
                String reference = permission.getReference();
                if (reference != null && !index.allIds.contains(reference)) {
                    findings.error(Check.UNKNOWN_REFERENCE, permission, "acl_permission \""
                            + permission.getId() + "\" refers to unknown id \"" + reference + "\"");
                }
            }
        }
    }

    private static void tags(ConfigurationIndex index, Findings findings) {
        for (Tag tag : index.configuration.tags().map(Tags::tags).orElse(List.of())) {
            if (tag.references().isEmpty()) {
                findings.warning(Check.UNKNOWN_REFERENCE, tag, "tag \"" + tag.getId()
                        + "\" tags nothing");
            }
            for (ObjectRef ref : tag.references()) {
                if (ref.getId() != null && !index.allIds.contains(ref.getId())) {
                    findings.add(Severity.WARNING, Check.UNKNOWN_REFERENCE, ref, tag.getId(),
                            "tag \"" + tag.getId() + "\" refers to unknown id \"" + ref.getId()
                                    + "\"");
                }
            }
        }
    }
}
