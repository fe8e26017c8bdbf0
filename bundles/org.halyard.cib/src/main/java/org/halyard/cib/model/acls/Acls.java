package org.halyard.cib.model.acls;

import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.List;
import org.halyard.cib.model.CibElement;

/**
 * {@code <acls>}: access control for CIB users and groups, by roles.
 */
@XmlRootElement(name = "acls")
public class Acls extends CibElement {

    public List<AclTarget> targets() {
        return children(AclTarget.class);
    }

    public List<AclGroup> groups() {
        return children(AclGroup.class);
    }

    public List<AclRole> roles() {
        return children(AclRole.class);
    }
}
