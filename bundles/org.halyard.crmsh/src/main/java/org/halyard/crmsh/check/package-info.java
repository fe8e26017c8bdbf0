/** Semantic checks of parsed crm text, reported at crm positions. */
package org.halyard.crmsh.check;
