package org.openstc.screening.watchlist;

/** Reads one list format, streaming entities to a {@link Tally}. */
interface ListReader {

  /**
   * Reads the whole input, passing each entity to the tally as soon as it is complete.
   *
   * @param source the source code to give the entities
   */
  void read(ListInput input, String source, Tally sink);
}
