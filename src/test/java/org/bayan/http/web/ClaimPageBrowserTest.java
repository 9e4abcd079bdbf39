package org.bayan.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bayan.testing.Browser;
import org.bayan.testing.TestServer;
import org.bayan.testing.WebFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The claim page in real headless Chromium, in Arabic and English, wide and narrow: what a fact-checker sees of
 * a lookup (coverage, weak matches, words no statement holds, type, citation, permalink), that a lookup is a
 * link, and that statement markup never runs. Screenshots: target/screenshots/claim-{ar,en}-{1280,390}.png.
 */
class ClaimPageBrowserTest {
  /** moi-1 denies it; تعويم and تغلق are in no statement. */
  static final String CLAIM = "وزارة الداخلية تغلق الطرق الرئيسية يوم الجمعة بعد تعويم الحركة";

  @TempDir static Path tmp;
  static TestServer bayan;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    bayan = TestServer.start(WebFixture.build(tmp));
  }

  @AfterAll
  static void stop() throws Exception {
    if (bayan != null) bayan.close();
    if (browser != null) browser.close();
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(10));
  }

  void assertNothingRan() {
    assertNull(browser.js("return window.__pwned === undefined ? null : String(window.__pwned)"),
        "statement markup executed");
  }

  @Test
  void a_claim_typed_in_the_form_becomes_a_link_that_shows_the_same_lookup() throws Exception {
    var d = browser.driver;
    d.manage().window().setSize(new Dimension(1280, 1000));
    d.get(bayan.base() + "/?mode=claim");
    WebElement box = d.findElement(By.id("claim"));
    box.sendKeys(CLAIM);
    box.submit();
    waiting().until(x -> x.getCurrentUrl().contains("/claim?text="));
    String url = d.getCurrentUrl();
    String first = d.findElement(By.cssSelector(".claim-hit .hit-title a")).getAttribute("href");
    assertTrue(first.endsWith("/s/moi-1"), first);
    d.get("about:blank");
    d.get(url);
    assertEquals(first, d.findElement(By.cssSelector(".claim-hit .hit-title a")).getAttribute("href"),
        "the link shows the same lookup");
    assertEquals(CLAIM, d.findElement(By.id("claim")).getAttribute("value"));
  }

  @Test
  void arabic_page_shows_coverage_weak_matches_and_the_word_no_statement_holds() throws Exception {
    var d = browser.driver;
    for (int width : new int[] {1280, 390}) {
      d.manage().window().setSize(new Dimension(width, 1000));
      d.get(bayan.base() + "/claim?text=" + TestServer.enc(CLAIM));
      assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
      String missing = d.findElement(By.cssSelector(".not-in-index")).getText();
      assertTrue(missing.contains("لا يرد في أي بيان") && missing.contains("تعويم"), missing);
      List<WebElement> hits = d.findElements(By.cssSelector(".claim-hit"));
      WebElement best = hits.getFirst();
      assertFalse(best.getAttribute("class").contains("weak"), "the denial covers most of the claim");
      assertEquals("نفي", best.findElement(By.cssSelector(".type-badge")).getText());
      assertTrue(best.findElement(By.cssSelector(".coverage-badge")).getText().matches("يغطي \\d+٪ من الادعاء"));
      assertTrue(best.findElement(By.cssSelector(".coverage .lacks")).getText().contains("تعويم"));
      assertTrue(best.findElement(By.cssSelector(".cite blockquote")).getText().contains("SHA-256"));
      assertTrue(best.findElement(By.cssSelector(".cite button.copy")).isDisplayed(), "copy button when scripts run");
      assertTrue(best.findElement(By.cssSelector(".permalink a")).getText().startsWith(bayan.base() + "/s/moi-1"));
      WebElement weak = hits.stream().filter(h -> h.getAttribute("class").contains("weak")).findFirst().orElseThrow(
          () -> new AssertionError("a statement sharing one word of the claim is a weak match"));
      assertTrue(weak.findElement(By.cssSelector(".weak-warning")).getText().startsWith("تطابق ضعيف"));
      assertFitsTheWidth();
      screenshot("claim-ar-" + width);
    }
  }

  @Test
  void english_page_says_the_same_in_english() throws Exception {
    var d = browser.driver;
    for (int width : new int[] {1280, 390}) {
      d.manage().window().setSize(new Dimension(width, 1000));
      d.get(bayan.base() + "/claim?ui=en&text=" + TestServer.enc(CLAIM));
      assertEquals("en", d.findElement(By.tagName("html")).getAttribute("lang"));
      assertEquals("ltr", d.findElement(By.tagName("html")).getAttribute("dir"));
      assertTrue(d.findElement(By.cssSelector(".not-in-index")).getText().startsWith("In no statement:"));
      WebElement best = d.findElements(By.cssSelector(".claim-hit")).getFirst();
      assertEquals("Denial", best.findElement(By.cssSelector(".type-badge")).getText());
      assertTrue(best.findElement(By.cssSelector(".coverage-badge")).getText().matches("Covers \\d+% of the claim"));
      assertTrue(d.findElement(By.cssSelector(".claim-hit.weak .weak-warning")).getText().startsWith("Weak match:"));
      assertEquals("Denial", d.findElement(By.cssSelector("#claim-type option[value=denial]")).getText());
      // The form keeps the interface language for the next lookup.
      d.findElement(By.id("claim")).submit();
      waiting().until(x -> x.getCurrentUrl().contains("ui=en"));
      assertEquals("en", d.findElement(By.tagName("html")).getAttribute("lang"));
      assertFitsTheWidth();
      screenshot("claim-en-" + width);
    }
  }

  @Test
  void titles_show_their_marks_and_statement_markup_as_text_and_nothing_runs() {
    var d = browser.driver;
    d.manage().window().setSize(new Dimension(1280, 1000));
    d.get(bayan.base() + "/claim?text=" + TestServer.enc("وزارة الصحة تحذير"));
    WebElement title = d.findElements(By.cssSelector(".claim-hit .hit-title")).stream()
        .filter(t -> t.getText().contains("تحذير")).findFirst().orElseThrow();
    assertFalse(title.getText().contains("<mark>") || title.getText().contains("&lt;"), title.getText());
    assertFalse(title.findElements(By.tagName("mark")).isEmpty(), "claim words marked");
    assertTrue(title.getText().contains("<script>window.__pwned=1</script>"), title.getText());
    assertTrue(d.findElements(By.cssSelector(".claim-results img, .claim-results script")).isEmpty());
    assertNothingRan();
  }

  @Test
  void the_claim_page_has_no_serious_accessibility_violations() throws Exception {
    var d = browser.driver;
    d.manage().window().setSize(new Dimension(1280, 1000));
    for (String path : List.of("/claim", "/claim?text=" + TestServer.enc(CLAIM),
        "/claim?ui=en&type=denial&text=" + TestServer.enc(CLAIM))) {
      d.get(bayan.base() + path);
      List<String> v = browser.seriousAccessibilityViolations(null);
      assertTrue(v.isEmpty(), path + ":\n" + String.join("\n", v));
    }
  }

  /** The whole page, not just the viewport: the window grows to the page's height for the picture. */
  private static void screenshot(String name) throws Exception {
    var window = browser.driver.manage().window();
    Dimension before = window.getSize();
    Number height = (Number) browser.js("return document.documentElement.scrollHeight");
    window.setSize(new Dimension(before.getWidth(), Math.min(6000, height.intValue() + 150)));
    browser.screenshot(name);
    window.setSize(before);
  }

  private static void assertFitsTheWidth() {
    Number scroll = (Number) browser.js("return document.documentElement.scrollWidth");
    Number client = (Number) browser.js("return document.documentElement.clientWidth");
    Object wide = browser.js("var w = document.documentElement.clientWidth, out = [];"
        + "document.querySelectorAll('main *').forEach(function (e) { var r = e.getBoundingClientRect();"
        + " if (r.right > w + 1 || r.left < -1) out.push(e.outerHTML.slice(0, 90) + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); });"
        + "return out.slice(0, 8).join(', ');");
    assertTrue(scroll.intValue() <= client.intValue(), "no sideways scrolling: " + scroll + " > " + client + ": " + wide);
  }
}
