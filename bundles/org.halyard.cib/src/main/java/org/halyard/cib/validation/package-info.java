/**
 * crm_verify's job: {@link org.halyard.cib.validation.CibValidator} reports
 * {@link org.halyard.cib.validation.Problem}s with the position of the element concerned:
 * violations of the document's RelaxNG schema (checked with Jing against Pacemaker's schema
 * files) and semantic ones (duplicate ids, unknown references, impossible constraints, bad
 * resource nesting, missing fencing).
 */
package org.halyard.cib.validation;
