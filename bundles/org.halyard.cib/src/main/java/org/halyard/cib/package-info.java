/**
 * The CIB layer's entry points: {@link org.halyard.cib.CibXml} to load, parse, write and
 * atomically save Pacemaker CIB XML, {@link org.halyard.cib.CibVersion} for the
 * admin_epoch/epoch/num_updates ordering, and {@link org.halyard.cib.CibException}, the one
 * exception of the layer. The model is in {@code org.halyard.cib.model} and its subpackages,
 * validation in {@code org.halyard.cib.validation}.
 */
package org.halyard.cib;
