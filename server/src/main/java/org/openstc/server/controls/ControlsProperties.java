package org.openstc.server.controls;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the server finds reference data besides the lists imported into it.
 *
 * @param sharedData folder holding {@code controllists/} with the public EU and US files ({@code
 *     STC_CONTROLS_SHARED_DATA}); blank means {@code ../shared/data} when that folder exists, and
 *     {@code none} switches it off (only bundled and imported data)
 */
@ConfigurationProperties("stc.controls")
public record ControlsProperties(String sharedData) {

  /** The shared data folder to read, or null when there is none. */
  public Path sharedDataFolder() {
    return ControlsReferenceFiles.sharedDataFolder(sharedData);
  }
}
