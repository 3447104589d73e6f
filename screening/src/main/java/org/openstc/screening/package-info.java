/** Framework-free screening engine: watchlist model, list readers, normaliser, index, scorer. */
package org.openstc.screening;
