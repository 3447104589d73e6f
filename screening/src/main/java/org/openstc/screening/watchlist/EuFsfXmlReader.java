package org.openstc.screening.watchlist;

/** Not yet written. */
final class EuFsfXmlReader implements ListReader {
  @Override
  public void read(ListInput input, String source, Tally sink) {
    throw new WatchlistFormatException(input.name(), 0, "reader not yet available");
  }
}
