package org.openstc.server.lists;

/**
 * Published when an administrator enables or disables a source: screening uses only enabled
 * sources, so a listener rebuilds what it holds.
 */
public record WatchlistSourceSwitched(String source, boolean enabled) {}
