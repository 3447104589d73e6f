package org.openstc.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openstc.server.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The first journey in real headless Chromium: set up the first administrator on an empty
 * installation, sign in, create a user, and find the change in the audit trail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FirstAdministratorJourneyBrowserTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    TestDatabase.register(registry, "browser");
  }

  @LocalServerPort int port;
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
          shots.resolve("first-administrator-journey.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void firstAdministratorSetsUpSignsInCreatesUserAndSeesTheAuditRecord() {
    browser.get(url("/"));
    // An empty installation sends the first visitor to the one-time setup page.
    assertThat(browser.getCurrentUrl()).endsWith("/setup");
    browser.findElement(By.id("organisation")).clear();
    browser.findElement(By.id("organisation")).sendKeys("Federal Export Office");
    browser.findElement(By.id("username")).sendKeys("chief");
    browser.findElement(By.id("displayName")).sendKeys("Chief Administrator");
    browser.findElement(By.id("password")).sendKeys("a long admin password");
    browser.findElement(By.id("confirmPassword")).sendKeys("a long admin password");
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(ExpectedConditions.urlContains("/login"));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Setup complete");
    browser.findElement(By.id("username")).sendKeys("chief");
    browser.findElement(By.id("password")).sendKeys("a long admin password");
    browser.findElement(By.cssSelector("main button[type=submit]")).click();
    new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.tagName("h1"), "Chief Administrator"));

    // The setup page is gone once an administrator exists.
    browser.get(url("/setup"));
    assertThat(browser.getCurrentUrl()).doesNotContain("/setup");

    browser.get(url("/admin/users/new"));
    browser.findElement(By.id("username")).sendKeys("otto");
    browser.findElement(By.id("displayName")).sendKeys("Otto Officer");
    browser.findElement(By.id("organisation")).sendKeys("Acme Export GmbH");
    browser.findElement(By.id("role-EXPORT_CONTROL_OFFICER")).click();
    browser.findElement(By.cssSelector("main button[type=submit]")).click();
    new WebDriverWait(browser, java.time.Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "otto"));
    assertThat(browser.findElement(By.id("one-time-password")).getText()).hasSize(20);

    browser.get(url("/audit"));
    String audit = browser.findElement(By.id("audit-records")).getText();
    assertThat(audit).contains("USER_CREATED").contains("Created user otto in Acme Export GmbH");
    assertThat(audit).contains("LOGIN").contains("chief");

    // Filtering narrows the list to the one change.
    browser.get(url("/audit?action=USER_CREATED&objectId=otto"));
    assertThat(browser.findElements(By.cssSelector("#audit-records tbody tr"))).hasSize(1);
  }
}
