package org.halyard.cib.model.acls;

import jakarta.xml.bind.annotation.XmlRootElement;
import org.halyard.cib.model.CibElement;

/**
 * {@code <role>} inside an ACL target or group: a reference to an {@link AclRole} by id.
 */
@XmlRootElement(name = "role")
public class AclRoleRef extends CibElement {

}
