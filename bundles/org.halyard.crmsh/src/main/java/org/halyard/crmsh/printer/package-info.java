/** CIB model to crm text in the layout of crm configure show. */
package org.halyard.crmsh.printer;
