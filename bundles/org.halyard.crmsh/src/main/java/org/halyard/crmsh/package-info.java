/**
 * The crm shell's configure language: {@link org.halyard.crmsh.CrmConfigure} parses it into the
 * CIB model and prints the model back as {@code crm configure show} does.
 */
package org.halyard.crmsh;
