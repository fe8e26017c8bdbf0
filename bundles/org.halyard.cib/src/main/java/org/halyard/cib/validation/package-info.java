/**
 * crm_verify's job: {@link org.halyard.cib.validation.CibValidator} reports
 * {@link org.halyard.cib.validation.Problem}s (duplicate ids, unknown references, impossible
 * constraints, bad resource nesting, missing fencing) with the position of the element concerned.
 */
package org.halyard.cib.validation;
