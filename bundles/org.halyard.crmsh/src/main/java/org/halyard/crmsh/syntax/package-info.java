/** Statements and words of crm text, with positions; page artefacts are reported here. */
package org.halyard.crmsh.syntax;
