package org.openstc.server.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openstc.server.TestDatabase;
import org.openstc.server.controls.ControlListCatalogue;
import org.openstc.server.identity.UserAccounts;
import org.openstc.server.lists.WatchlistImports;
import org.openstc.server.partners.Partner;
import org.openstc.server.partners.Partners;
import org.openstc.server.web.Browser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The exporter's journey in headless Chromium: a clerk enters an order to a consignee that hits a
 * list and a line that needs a licence; it is HELD with both reasons; an officer decides the alert
 * a false positive and assigns the licence, which releases it; an override of another order needs a
 * second officer; shipping depletes the licence; the audit pack holds every step.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TransactionJourneyBrowserTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws IOException {
    TestDatabase.register(registry, "transactionbrowser");
    Path dataDir = Files.createTempDirectory("openstc-transaction-browser");
    registry.add("stc.data-dir", dataDir::toString);
    registry.add("stc.controls.shared-data", () -> "none");
  }

  @LocalServerPort int port;
  @Autowired UserAccounts accounts;
  @Autowired WatchlistImports lists;
  @Autowired ControlListCatalogue catalogue;
  @Autowired Partners partners;
  IcpFixture f;
  WebDriver browser;

  @BeforeEach
  void open() throws Exception {
    f = new IcpFixture(url(""));
    f.build(accounts, lists, catalogue, partners);
    browser = Browser.start();
  }

  @AfterEach
  void close() throws Exception {
    if (browser != null) {
      Path shots = Path.of("target", "screenshots");
      Files.createDirectories(shots);
      Files.write(
          shots.resolve("transaction-journey.png"),
          ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
      browser.quit();
    }
  }

  /** Keeps a screenshot of the current page under target/screenshots for reviewers. */
  private void shot(String name) throws IOException {
    Path shots = Path.of("target", "screenshots");
    Files.createDirectories(shots);
    Files.write(
        shots.resolve(name + ".png"),
        ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void signIn(String user) {
    browser.get(url("/login"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(IcpFixture.PASSWORD);
    submit(By.cssSelector("main button[type=submit]"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> !d.getCurrentUrl().contains("/login"));
  }

  private void signOut() {
    submit(By.cssSelector("form[action$='/logout'] button"));
  }

  /** Clicks something that loads a new page and waits until the old page is gone. */
  private void submit(By by) {
    WebElement page = browser.findElement(By.tagName("html"));
    browser.findElement(by).click();
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> org.openstc.server.web.Browser.gone(page));
  }

  private String status() {
    return browser.findElement(By.id("transaction-status")).getText();
  }

  private List<String> reasonCodes() {
    List<String> out = new ArrayList<>();
    for (WebElement row : browser.findElements(By.cssSelector("#reasons tbody tr"))) {
      out.add(row.getAttribute("data-code"));
    }
    return out;
  }

  private void choose(String id, Partner p) {
    new Select(browser.findElement(By.id(id))).selectByValue(Long.toString(p.id()));
  }

  /** Enters an order through the form and returns the URL of the transaction page. */
  private String enterOrder(
      String reference, String part, String quantity, String value, String yesFlag, Path euc)
      throws IOException {
    browser.get(url("/transactions/new"));
    if (reference.endsWith("1")) {
      shot("transaction-form");
    }
    browser.findElement(By.id("reference")).sendKeys(reference);
    browser.findElement(By.id("destination")).sendKeys("CN");
    browser.findElement(By.id("endUseStatement")).sendKeys("Bearing production line");
    browser.findElement(By.id("line-part-0")).sendKeys(part);
    browser.findElement(By.id("line-quantity-0")).sendKeys(quantity);
    browser.findElement(By.id("line-value-0")).sendKeys(value);
    choose("party-BUYER", f.buyer);
    choose("party-CONSIGNEE", f.consignee);
    choose("party-END_USER", f.endUser);
    choose("party-FORWARDER", f.forwarder);
    for (RedFlag flag : RedFlag.values()) {
      String answer = flag.name().equals(yesFlag) ? "yes" : "no";
      browser.findElement(By.id("flag-" + flag.name() + "-" + answer)).click();
    }
    browser.findElement(By.id("euc-endUser")).sendKeys("Shanghai Precision Bearings Co");
    browser.findElement(By.id("euc-address")).sendKeys("1 Factory Road, Shanghai");
    browser.findElement(By.id("euc-country")).sendKeys("CN");
    browser.findElement(By.id("euc-items")).sendKeys(part + " x " + quantity);
    browser.findElement(By.id("euc-endUse")).sendKeys("Bearing rings");
    browser.findElement(By.id("euc-noReexport")).click();
    browser.findElement(By.id("euc-signatory")).sendKeys("Li Wei, CEO");
    ((JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].value = '2026-01-10'", browser.findElement(By.id("euc-signedOn")));
    browser.findElement(By.id("eucFile")).sendKeys(euc.toAbsolutePath().toString());
    submit(By.cssSelector("#transaction-form button[type=submit]"));
    new WebDriverWait(browser, Duration.ofSeconds(15))
        .until(d -> !d.findElements(By.id("transaction-status")).isEmpty());
    return browser.getCurrentUrl();
  }

  @Test
  void orderIsHeldThenReleasedOverriddenWithFourEyesShippedAndAudited() throws Exception {
    Path euc = Files.createTempFile("euc", ".pdf");
    Files.writeString(euc, "%PDF-1.4 signed end-user certificate", StandardCharsets.UTF_8);

    // The clerk enters the order: HELD for the consignee's alert and the lathe's licence.
    signIn("clara");
    String order = enterOrder("SO-2001", "LT-500", "2", "250000", null, euc);
    assertThat(status()).isEqualTo("HELD");
    assertThat(reasonCodes())
        .containsExactlyInAnyOrder("party.open-alert", "line.licence-required");
    assertThat(browser.findElement(By.id("reasons")).getText())
        .contains("Sinister Trading LLC")
        .contains("A licence is required for EU 2B001.a to CN");
    assertThat(browser.findElements(By.id("override-form"))).isEmpty();
    shot("transaction-held");
    signOut();

    // An officer decides the alert a false positive, then assigns the licence: released.
    signIn("olga");
    browser.get(url("/screening/alerts?status=OPEN"));
    browser.findElements(By.cssSelector("#alerts tbody tr")).stream()
        .filter(r -> r.getText().contains("Sinister Trading LLC"))
        .findFirst()
        .orElseThrow()
        .findElement(By.cssSelector("td a"))
        .click();
    browser.findElement(By.id("reason")).sendKeys("Different company: trade register extract");
    submit(By.cssSelector("#decision-form button[value=FALSE_POSITIVE]"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(d -> d.findElement(By.id("alert-status")).getText().equals("FALSE_POSITIVE"));
    browser.get(order);
    submit(By.id("recheck"));
    assertThat(reasonCodes()).containsExactly("line.licence-required");
    new Select(browser.findElement(By.id("licence-for-1")))
        .selectByVisibleText("DE-IL-2026-0042 (Individual licence)");
    submit(By.id("assign-1"));
    assertThat(status()).isEqualTo("RELEASED");
    assertThat(browser.findElement(By.id("line-1")).getText()).contains("DE-IL-2026-0042");

    // Another order with a red flag: one officer's override is not enough.
    signOut();
    signIn("clara");
    String flagged = enterOrder("SO-2002", "CB-10", "100", "900", "CASH_PAYMENT", euc);
    assertThat(status()).isEqualTo("HELD");
    assertThat(reasonCodes()).contains("red-flag.CASH_PAYMENT");
    signOut();
    signIn("olga");
    browser.get(flagged);
    browser
        .findElement(By.id("override-reason"))
        .sendKeys("Customer's bank confirmed the payment; cash was a data entry error");
    submit(By.cssSelector("#override-form button"));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .contains("second export control officer");
    browser.findElement(By.cssSelector(".override-decision-reason")).sendKeys("looks fine");
    submit(By.cssSelector(".override-decision button[value=true]"));
    assertThat(browser.findElement(By.cssSelector(".error")).getText())
        .contains("second export control officer");
    assertThat(status()).isEqualTo("HELD");
    signOut();
    signIn("otto");
    browser.get(flagged);
    browser
        .findElement(By.cssSelector(".override-decision-reason"))
        .sendKeys("Bank confirmation checked");
    submit(By.cssSelector(".override-decision button[value=true]"));
    assertThat(status()).isEqualTo("RELEASED");
    assertThat(reasonCodes()).contains("override.applied");
    signOut();

    // The clerk ships the first order: the licence is depleted.
    signIn("clara");
    // Changing the overridden order voids the override: it is held again.
    browser.get(flagged + "/edit");
    WebElement quantity = browser.findElement(By.id("line-quantity-0"));
    assertThat(quantity.getAttribute("value")).isEqualTo("100");
    quantity.clear();
    quantity.sendKeys("120");
    submit(By.cssSelector("#transaction-form button[type=submit]"));
    assertThat(status()).isEqualTo("HELD");
    assertThat(reasonCodes()).contains("red-flag.CASH_PAYMENT").doesNotContain("override.applied");
    browser.get(order);
    submit(By.id("ship"));
    assertThat(status()).isEqualTo("SHIPPED");
    assertThat(browser.findElement(By.id("shipped")).getText()).contains("records kept until");
    submit(By.cssSelector("#licence-uses a"));
    assertThat(browser.findElement(By.id("quantity-used")).getText()).startsWith("2 used of 10");

    // The clerk can raise a concern anonymously; the officer's dashboard charts the holds.
    browser.get(url("/icp/escalate"));
    browser.findElement(By.id("subject")).sendKeys("Split orders");
    browser.findElement(By.id("body")).sendKeys("Sales asked to split an order below the limit");
    browser.findElement(By.id("anonymous")).click();
    submit(By.cssSelector("#escalation-form button"));
    assertThat(browser.findElement(By.cssSelector(".notice")).getText())
        .contains("your name was not recorded");
    signOut();
    signIn("olga");
    browser.get(url("/icp"));
    WebElement holds = browser.findElement(By.id("chart-holds"));
    assertThat(holds.getText()).contains("SHIPPED").contains("RELEASED");
    assertThat(holds.findElements(By.tagName("rect"))).hasSizeGreaterThanOrEqualTo(4);
    assertThat(browser.findElement(By.id("chart-release-times")).getText())
        .contains("under 1 hour");
    shot("icp-dashboard");
    browser.get(url("/icp/programme"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Split orders");

    // The audit pack of the order holds every step.
    long id = Long.parseLong(order.substring(order.lastIndexOf('/') + 1));
    String trail =
        entry(f.bytes("/api/v1/transactions/" + id + "/audit-pack", f.olga), "audit-trail.json");
    assertThat(trail)
        .contains(
            "TRANSACTION_CREATED",
            "TRANSACTION_EUC_ATTACHED",
            "TRANSACTION_CHECKED",
            "ALERT_DECIDED",
            "TRANSACTION_LICENCE_ASSIGNED",
            "TRANSACTION_SHIPPED",
            "LICENCE_DEPLETED");
    long flaggedId = Long.parseLong(flagged.substring(flagged.lastIndexOf('/') + 1));
    String overrides =
        entry(
            f.bytes("/api/v1/transactions/" + flaggedId + "/audit-pack", f.olga),
            "audit-trail.json");
    assertThat(overrides)
        .contains("TRANSACTION_OVERRIDE_REQUESTED", "TRANSACTION_OVERRIDE_APPROVED");
  }

  private static String entry(byte[] zip, String name) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no " + name + " in the audit pack");
  }
}
