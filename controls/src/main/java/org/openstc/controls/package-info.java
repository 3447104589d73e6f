/** Framework-free control lists, countries, restrictive measures and licence determination. */
package org.openstc.controls;
