package org.halyard.cib.model.acls;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <acl_group>}: a Unix group (its id, or {@code name}) and the roles its members have.
 */
@XmlRootElement(name = "acl_group")
public class AclGroup extends CibElement {

    @XmlAttribute(name = "name")
    private String name;

    public List<AclRoleRef> roleRefs() {
        return children(AclRoleRef.class);
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
