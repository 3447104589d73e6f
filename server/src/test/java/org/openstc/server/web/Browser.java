package org.openstc.server.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its chromedriver for end-to-end tests. On CI a missing
 * browser fails the test (CI installs it); on a developer machine the test is skipped with a note.
 */
public final class Browser {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String DRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  /**
   * Whether an element's page has been replaced. Chromium answers a gone node with a generic "does
   * not belong to the document" error rather than a stale-element one, so any driver error counts
   * as gone.
   */
  public static boolean gone(org.openqa.selenium.WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.WebDriverException e) {
      return true;
    }
  }

  public static WebDriver start() throws Exception {
    boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
    if (!present) {
      if (System.getenv("CI") != null) {
        throw new IllegalStateException(
            "CI must install Debian's chromium and chromium-driver (see .ci/run)");
      }
      Assumptions.abort("Chromium not installed: apt-get install chromium chromium-driver");
    }
    Path profile = Files.createTempDirectory("openstc-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1280,1000",
        "--user-data-dir=" + profile);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
    return driver;
  }
}
