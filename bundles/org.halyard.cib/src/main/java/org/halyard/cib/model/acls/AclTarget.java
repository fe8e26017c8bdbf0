package org.halyard.cib.model.acls;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <acl_target>}: a user (its id, or {@code name}) and the roles it has.
 */
@XmlRootElement(name = "acl_target")
public class AclTarget extends CibElement {

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
