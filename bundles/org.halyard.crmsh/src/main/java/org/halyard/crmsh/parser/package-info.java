/** Statements to CIB model objects, with the crm shell's generated ids. */
package org.halyard.crmsh.parser;
