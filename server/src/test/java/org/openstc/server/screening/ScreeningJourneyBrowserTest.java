package org.openstc.server.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.identity.NewUser;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.lists.ImportOutcome;
import org.openstc.server.lists.ImportProgress;
import org.openstc.server.lists.WatchlistImports;
import org.openstc.server.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The export control officer's screening journey in headless Chromium: import partners from CSV, an
 * alert appears, a false positive does not come back on re-screen, it reopens when the listed entry
 * changes, a true match blocks the partner, and clearing it needs a second officer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ScreeningJourneyBrowserTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "screeningbrowser");
  }

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired WatchlistImports lists;
  WebDriver browser;

  @BeforeEach
  void open() throws Exception {
    char[] pw = "a long test password".toCharArray();
    accounts.create(
        new NewUser(
            "olga", "Olga Officer", null, "Acme Export", Set.of(Role.EXPORT_CONTROL_OFFICER), pw),
        Actor.SYSTEM);
    accounts.create(
        new NewUser(
            "otto", "Otto Officer", null, "Acme Export", Set.of(Role.EXPORT_CONTROL_OFFICER), pw),
        Actor.SYSTEM);
    importList(ScreeningJourneyApiTest.LIST_V1, "v1.csv");
    browser = Browser.start();
  }

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      Files.write(
          shots.resolve("screening-journey.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  private void importList(String content, String name) throws Exception {
    Path file = Files.createTempDirectory("lists").resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    assertThat(
            lists.importFile(file, "test-private", new Actor("admin", null), ImportProgress.NONE))
        .isInstanceOf(ImportOutcome.Imported.class);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String user) {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys("a long test password");
    browser.findElement(By.cssSelector("main button[type=submit]")).click();
  }

  private void openAlertOf(String partnerName, String status) {
    browser.get(url("/screening/alerts?status=" + status));
    browser.findElements(By.cssSelector("#alerts tbody tr")).stream()
        .filter(r -> r.getText().contains(partnerName))
        .findFirst()
        .orElseThrow(() ->
            new AssertionError(
                "no "
                    + status
                    + " alert for "
                    + partnerName
                    + " in: "
                    + browser.findElement(By.tagName("main")).getText()))
        .findElement(By.cssSelector("td a"))
        .click();
  }

  private void decide(String decision, String reason) {
    browser.findElement(By.id("reason")).sendKeys(reason);
    browser.findElement(By.cssSelector("#decision-form button[value=" + decision + "]")).click();
    waitForStatus(decision);
  }

  /** Waits for the page after a form post to show the alert in the expected state. */
  private void waitForStatus(String expected) {
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d ->
            d.findElements(By.id("alert-status")).stream()
                .anyMatch(e -> {
                  try {
                    return e.getText().equals(expected);
                  } catch (org.openqa.selenium.WebDriverException replacedWhileReading) {
                    return false;
                  }
                }));
  }

  @Test
  void officerWorksThroughAlertsFromImportToClearance() throws Exception {
    signIn("olga");

    // Import partners from CSV and watch the import finish.
    Path csv = Files.createTempFile("partners", ".csv");
    Files.writeString(csv, ScreeningJourneyApiTest.PARTNERS, StandardCharsets.UTF_8);
    browser.get(url("/partners/import"));
    browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
    browser.findElement(By.cssSelector("main button[type=submit]")).click();
    new WebDriverWait(browser, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.id("import-result")).isEmpty());
    assertThat(browser.findElement(By.id("import-result")).getText())
        .contains("4 created")
        .contains("2 rows with errors");
    assertThat(browser.findElement(By.id("import-errors")).getText()).contains("name");

    // An alert appears for the listed end user; one officer marks it a false positive.
    openAlertOf("Boris Karamazov", "OPEN");
    assertThat(browser.findElement(By.id("explanation")).getText()).isNotBlank();
    decide("FALSE_POSITIVE", "Different person: passport and address checked");
    assertThat(browser.findElement(By.id("alert-status")).getText()).isEqualTo("FALSE_POSITIVE");

    // It does not come back on a re-screen.
    browser.get(url("/screening/alerts"));
    browser.findElement(By.cssSelector("form[action$='/screening/rescreen'] button")).click();
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("0 new alerts");
    assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("Boris Karamazov");

    // It reopens when the listed entry changes; the delisted entry's alert closes.
    importList(ScreeningJourneyApiTest.LIST_V2, "v2.csv");
    browser.get(url("/screening/alerts"));
    assertThat(browser.findElement(By.id("screening-runs")).getText())
        .contains("1 alert reopened")
        .contains("1 alert closed because the entry was delisted");
    openAlertOf("Boris Karamazov", "OPEN");
    assertThat(browser.findElement(By.id("reopen-reason")).getText())
        .contains("listed entry changed");

    // A true match blocks the partner.
    openAlertOf("Sinister Trading LLC", "OPEN");
    decide("TRUE_MATCH", "Same company, same address in Tehran");
    assertThat(browser.findElement(By.id("alert-status")).getText()).isEqualTo("TRUE_MATCH");
    browser.findElement(By.linkText("Sinister Trading LLC")).click();
    assertThat(browser.findElement(By.id("partner-status")).getText()).isEqualTo("BLOCKED");

    // Clearing it needs a second officer: Olga asks, Olga cannot approve, Otto can.
    browser.navigate().back();
    browser.findElement(By.id("clearance-reason")).sendKeys("Namesake: registry extract attached");
    browser.findElement(By.cssSelector("#clearance-form button")).click();
    waitForStatus("CLEARANCE_REQUESTED");
    browser.findElement(By.id("clearance-decision-reason")).sendKeys("approving my own request");
    browser.findElement(By.cssSelector("#clearance-decision-form button[value=true]")).click();
    assertThat(browser.findElement(By.cssSelector(".error")).getText())
        .contains("second export control officer");
    assertThat(browser.findElement(By.id("alert-status")).getText())
        .isEqualTo("CLEARANCE_REQUESTED");
    String alertUrl = browser.getCurrentUrl();

    browser.findElement(By.cssSelector("form[action$='/logout'] button")).click();
    signIn("otto");
    browser.get(alertUrl);
    browser.findElement(By.id("clearance-decision-reason")).sendKeys("Registry extract verified");
    browser.findElement(By.cssSelector("#clearance-decision-form button[value=true]")).click();
    waitForStatus("FALSE_POSITIVE");
    browser.findElement(By.linkText("Sinister Trading LLC")).click();
    assertThat(browser.findElement(By.id("partner-status")).getText()).isEqualTo("CLEAR");
  }
}
