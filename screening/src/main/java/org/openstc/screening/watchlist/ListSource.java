package org.openstc.screening.watchlist;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * An official list publication: what it is, who publishes it, its format and where to download it.
 * Sources that publish a set of files (OFAC legacy CSV) have several download URLs.
 *
 * @param code stable short code, also the {@link ListedEntity#source()} of its entities
 * @param name human name of the list
 * @param publisher the authority publishing it
 * @param format the format of the files at {@link #downloadUrls()}
 * @param downloadUrls official download URLs (the whole set, in reading order)
 * @param enabledByDefault whether an installation updates it unless configured otherwise
 */
public record ListSource(
    String code,
    String name,
    String publisher,
    ListFormat format,
    List<URI> downloadUrls,
    boolean enabledByDefault) {

  public ListSource {
    code = Text.clean(code);
    if (code == null || !code.matches("[a-z0-9][a-z0-9-]*")) {
      throw new IllegalArgumentException(
          "source code must be lower-case letters, digits, dashes: " + code);
    }
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(format, "format");
    downloadUrls = List.copyOf(downloadUrls);
  }
}
