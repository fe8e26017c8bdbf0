package org.halyard.crmsh.printer;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.halyard.cib.model.CibElement;
import org.halyard.cib.model.acls.AclGroup;
import org.halyard.cib.model.acls.AclPermission;
import org.halyard.cib.model.acls.AclRole;
import org.halyard.cib.model.acls.AclRoleRef;
import org.halyard.cib.model.acls.AclTarget;
import org.halyard.crmsh.parser.AclShortcuts;

/**
 * {@code role <id>} with one rule per line, XPaths shown as crm's shortcuts where they are
 * one, and {@code acl_target}/{@code acl_group <id>} with one role per line, as crm shows them.
 * What crm syntax cannot say (a user's name attribute, no roles or no rules, an id crm does not
 * take...) is shown as xml, as crm does. Permission ids are not part of crm syntax: loading the
 * text gives crm's, {@code <role>-0}, {@code <role>-1}...
 */
final class AclPrinter {

    private static final Set<String> KINDS = Set.of("read", "write", "deny");
    /** The ids crm takes for ACL objects (it refuses, e.g., a user called 1000). */
    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    private AclPrinter() {
    }

    static Lines role(AclRole role) {
        List<AclPermission> permissions = role.permissions();
        if (!isId(role.getId()) || permissions.isEmpty() || !plain(role, permissions.size())) {
            return XmlLines.of(role);
        }
        Lines lines = new Lines("role " + role.getId());
        if (role.getDescription() != null) {
            lines.line(Values.pair("description", role.getDescription()));
        }
        for (AclPermission permission : permissions) {
            String rule = rule(permission);
            if (rule == null) {
                return XmlLines.of(role);
            }
            lines.line(rule);
        }
        return lines;
    }

    /** {@code <kind> [description=..] <what>}, or null if crm syntax cannot say it. */
    private static String rule(AclPermission permission) {
        String xpath = permission.getXpath();
        String reference = permission.getReference();
        String type = permission.getObjectType();
        String attribute = permission.getAttribute();
        long selectors = Stream.of(xpath, reference, type).filter(Objects::nonNull).count();
        if (!KINDS.contains(permission.getKind()) || selectors != 1
                || attribute != null && type == null || !plain(permission, 0)) {
            return null;
        }
        StringJoiner words = new StringJoiner(" ");
        words.add(permission.getKind());
        if (permission.getDescription() != null) {
            words.add(Values.pair("description", permission.getDescription()));
        }
        if (xpath != null) {
            String shortcut = AclShortcuts.match(xpath);
            words.add(shortcut != null ? shortcut : "xpath:" + Values.quote(xpath));
        } else if (reference != null) {
            if (!isId(reference)) {
                return null;
            }
            words.add("ref:" + reference);
        } else {
            if (!Values.isWord(type) || attribute != null && !Values.isWord(attribute)) {
                return null;
            }
            if (attribute != null) {
                words.add("attr:" + attribute); // crm's order
            }
            words.add("type:" + type);
        }
        return words.toString();
    }

    /** {@code acl_target <id>} or {@code acl_group <id>}, then the roles. */
    static Lines holder(CibElement holder) {
        boolean target = holder instanceof AclTarget;
        String name = target ? ((AclTarget) holder).getName() : ((AclGroup) holder).getName();
        List<AclRoleRef> roles = holder.children(AclRoleRef.class);
        if (!isId(holder.getId()) || name != null || roles.isEmpty()
                || !plain(holder, roles.size())
                || roles.stream().anyMatch(role -> !isId(role.getId()) || !plain(role, 0))) {
            return XmlLines.of(holder);
        }
        Lines lines = new Lines((target ? "acl_target " : "acl_group ") + holder.getId());
        roles.forEach(role -> lines.line(role.getId()));
        return lines;
    }

    private static boolean isId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** No attributes or children beyond the {@code modelled} ones the printer shows. */
    private static boolean plain(CibElement element, int modelled) {
        return element.otherAttributes().isEmpty()
                && element.children(CibElement.class).size() == modelled
                && element.unknownElements().isEmpty();
    }
}
