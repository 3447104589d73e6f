package org.openstc.server.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openstc.server.TestDatabase;
import org.openstc.server.audit.Actor;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.identity.NewUser;
import org.openstc.server.identity.Role;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The classification journey in headless Chromium: a compliance user creates a product, an export
 * control officer proposes a classification found by searching the list, a second officer approves
 * it, and after an administrator imports a changed list version the product shows "needs review"
 * with the text diff.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClassificationJourneyBrowserTest {

  private static final String PASSWORD = "a long test password";
  private static Path dataDir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    TestDatabase.register(registry, "itemsbrowser");
    dataDir = Files.createTempDirectory("openstc-items-browser");
    registry.add("stc.data-dir", dataDir::toString);
    registry.add("stc.controls.shared-data", () -> "none");
  }

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired ControlListCatalogue catalogue;
  WebDriver browser;

  @BeforeEach
  void open() throws Exception {
    browser = Browser.start();
  }

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      Files.write(
          shots.resolve("classification-journey.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void user(String name, String org, Role role) {
    accounts.create(
        new NewUser(name, name, null, org, Set.of(role), PASSWORD.toCharArray()), Actor.SYSTEM);
  }

  private void signInAs(String name) {
    browser.manage().deleteAllCookies();
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(name);
    browser.findElement(By.id("password")).sendKeys(PASSWORD);
    submit(browser.findElement(By.cssSelector("main button[type=submit]")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(name);
  }

  /** Clicks and waits until the browser has left the current page, so no stale element is read. */
  private void submit(WebElement element) {
    WebElement page = browser.findElement(By.tagName("html"));
    element.click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> org.openstc.server.web.Browser.gone(page));
  }

  private Path fixture(String name) throws IOException {
    Path file = dataDir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/controls/" + name)) {
      Files.copy(in, file);
    }
    return file;
  }

  @Test
  void productIsClassifiedWithFourEyesAndFlaggedWhenTheListChanges() throws Exception {
    user("admin", "Platform", Role.ADMINISTRATOR);
    user("clara", "Acme Export GmbH", Role.COMPLIANCE_USER);
    user("otto", "Acme Export GmbH", Role.EXPORT_CONTROL_OFFICER);
    user("olga", "Acme Export GmbH", Role.EXPORT_CONTROL_OFFICER);
    try (InputStream in = Files.newInputStream(fixture("eu-annex-i-small-2025-01-01.json"))) {
      catalogue.importList(
          in, "eu-annex-i-small-2025-01-01.json", null, null, new Actor("setup", null));
    }

    signInAs("clara");
    browser.get(url("/products"));
    submit(browser.findElement(By.id("new-product")));
    browser.findElement(By.id("partNumber")).sendKeys("LT-500");
    browser.findElement(By.id("description")).sendKeys("CNC turning centre");
    browser.findElement(By.id("technicalData")).sendKeys("2 axes, positioning accuracy 0.8 um");
    submit(browser.findElement(By.cssSelector("main button[type=submit]")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains("LT-500");
    String product = browser.getCurrentUrl();

    signInAs("otto");
    browser.get(product);
    submit(browser.findElement(By.id("classify")));
    browser.findElement(By.id("q")).sendKeys("positioning accuracy");
    submit(browser.findElement(By.id("search")));
    assertThat(browser.findElement(By.id("search-hits")).getText()).contains("2B001.a");
    submit(browser.findElement(By.id("use-2B001.a")));
    assertThat(browser.findElement(By.id("code")).getAttribute("value")).isEqualTo("2B001.a");
    browser
        .findElement(By.id("rationale"))
        .sendKeys("Two coordinated axes, 0.8 um positioning accuracy: better than 0.9 um");
    submit(browser.findElement(By.cssSelector("#proposal button[type=submit]")));
    assertThat(browser.findElement(By.id("classifications")).getText())
        .contains("2B001.a")
        .contains("PROPOSED")
        .contains("awaiting a second officer");
    assertThat(browser.findElements(By.cssSelector("button.approve"))).isEmpty();

    signInAs("olga");
    browser.get(url("/products/review"));
    assertThat(browser.findElement(By.id("review-queue")).getText()).contains("LT-500");
    browser.get(product);
    submit(browser.findElement(By.cssSelector("button.approve")));
    assertThat(browser.findElement(By.id("classifications")).getText())
        .contains("APPROVED")
        .contains("otto / olga");
    browser.findElement(By.id("destination")).sendKeys("CN");
    submit(browser.findElement(By.cssSelector("#determine-form button[type=submit]")));
    assertThat(browser.findElement(By.id("determination")).getText())
        .contains("LICENCE_REQUIRED")
        .contains("Art. 3(1) Regulation (EU) 2021/821");

    signInAs("admin");
    browser.get(url("/controls"));
    browser
        .findElement(By.id("file"))
        .sendKeys(fixture("eu-annex-i-small-2026-01-01.json").toString());
    submit(browser.findElement(By.cssSelector("#import-form button[type=submit]")));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .contains("Imported EU-ANNEX-I@2026-01-01");

    signInAs("clara");
    browser.get(url("/products"));
    assertThat(browser.findElement(By.id("products")).getText()).contains("needs review");
    browser.get(product);
    assertThat(browser.findElement(By.id("needs-review")).isDisplayed()).isTrue();
    String review = browser.findElement(By.cssSelector(".review-diff")).getText();
    assertThat(review).contains("EU-ANNEX-I@2026-01-01").contains("CHANGED 2B001.a");
    assertThat(browser.findElement(By.cssSelector(".review-diff del")).getText()).isEqualTo("0.9");
    assertThat(browser.findElement(By.cssSelector(".review-diff ins")).getText()).isEqualTo("1.1");
  }
}
