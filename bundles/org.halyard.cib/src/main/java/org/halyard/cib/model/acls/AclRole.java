package org.halyard.cib.model.acls;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <acl_role>}: a named list of read/write/deny permissions.
 */
@XmlRootElement(name = "acl_role")
public class AclRole extends CibElement {

    @XmlAttribute(name = "description")
    private String description;

    public List<AclPermission> permissions() {
        return children(AclPermission.class);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
