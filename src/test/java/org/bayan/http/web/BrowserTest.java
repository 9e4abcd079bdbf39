package org.bayan.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.bayan.testing.Browser;
import org.bayan.testing.TestServer;
import org.bayan.testing.WebFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages and the embeddable widget in real headless Chromium: what a reader sees and does, and that
 * hostile statement text never runs. One browser for the class; screenshots go to target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {
  @TempDir static Path tmp;
  static TestServer bayan;
  static HttpServer host;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    bayan = TestServer.start(WebFixture.build(tmp));
    // A newsroom's own site on another origin (other host name and port) embedding the widget.
    host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    host.createContext("/", ex -> {
      String page = """
          <!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>جريدة المثال</title>
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <script src="%s/embed.js" async></script></head>
          <body><main><h1>جريدة المثال</h1><p>ابحث في البيانات الرسمية:</p>
          <bayan-search lang="ar" placeholder="ابحث في البيانات الرسمية" limit="5"></bayan-search>
          <p>نص المقال يتبع هنا.</p></main></body></html>
          """.formatted(bayan.base());
      byte[] b = page.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      ex.sendResponseHeaders(200, b.length);
      ex.getResponseBody().write(b);
      ex.close();
    });
    host.start();
  }

  @AfterAll
  static void stop() throws Exception {
    if (host != null) host.stop(0);
    if (bayan != null) bayan.close();
    if (browser != null) browser.close();
  }

  static String hostBase() {
    return "http://localhost:" + host.getAddress().getPort();
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(10));
  }

  void assertNothingRan() {
    assertNull(browser.js("return window.__pwned === undefined ? null : String(window.__pwned)"),
        "statement markup executed");
  }

  @Test
  @Order(1)
  void arabic_query_gives_right_to_left_results_a_facet_filters_and_a_result_opens_its_page() throws Exception {
    var d = browser.driver;
    d.manage().window().setSize(new Dimension(1280, 1000));
    d.get(bayan.base() + "/");
    assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
    WebElement q = d.findElement(By.id("q"));
    q.sendKeys("وزارة الصحة");
    q.submit();
    waiting().until(x -> x.getCurrentUrl().contains("q="));
    List<WebElement> hits = d.findElements(By.cssSelector(".hit"));
    assertTrue(hits.size() >= 3, "several ministries' statements match");
    WebElement title = hits.getFirst().findElement(By.cssSelector(".hit-title"));
    assertEquals("rtl", title.getCssValue("direction"), "Arabic results read right to left");
    assertTrue(hits.getFirst().findElements(By.tagName("mark")).size() > 0, "highlighted match");
    assertTrue(d.findElements(By.cssSelector(".hit .agency")).stream().map(WebElement::getText).distinct().count() > 1);
    browser.screenshot("search-ar");

    d.findElement(By.cssSelector(".facet[data-facet=agency] a[data-value=moh]")).click();
    waiting().until(x -> x.getCurrentUrl().contains("agency=moh"));
    List<String> agencies = d.findElements(By.cssSelector(".hit .agency")).stream().map(WebElement::getText).distinct().toList();
    assertEquals(List.of("وزارة الصحة"), agencies, "the facet keeps only the Ministry of Health");
    assertEquals("true", d.findElement(By.cssSelector(".facet[data-facet=agency] a[data-value=moh]")).getAttribute("aria-current"));

    String firstTitle = d.findElement(By.cssSelector(".hit-title a")).getText();
    d.findElement(By.cssSelector(".hit-title a")).click();
    waiting().until(x -> x.getCurrentUrl().contains("/s/"));
    assertEquals(firstTitle, d.findElement(By.tagName("h1")).getText());
    assertTrue(d.findElement(By.cssSelector(".facts")).getText().contains("هـ"), "Hijri date shown");
    WebElement copy = d.findElement(By.cssSelector("button.copy"));
    assertTrue(copy.isDisplayed(), "the copy button appears when scripts run");
    browser.screenshot("statement-ar");
    assertNothingRan();
  }

  @Test
  @Order(2)
  void english_interface_is_left_to_right() throws Exception {
    var d = browser.driver;
    d.get(bayan.base() + "/?ui=en&q=vaccination");
    assertEquals("ltr", d.findElement(By.tagName("html")).getAttribute("dir"));
    assertEquals("en", d.findElement(By.tagName("html")).getAttribute("lang"));
    assertTrue(d.findElement(By.cssSelector(".results-head")).getText().contains("Results for"));
    browser.screenshot("search-en");
    d.get(bayan.base() + "/s/" + WebFixture.EDITED_ID + "?ui=en");
    d.findElement(By.cssSelector(".history details summary")).click();
    assertTrue(d.findElement(By.cssSelector(".history .diff")).getText().contains("الثلاثاء"), "the diff shows the edit");
    browser.js("arguments[0].scrollIntoView({block: 'center'})", d.findElement(By.cssSelector(".citation")));
    browser.screenshot("statement-en-history");
  }

  @Test
  @Order(3)
  void statement_markup_shows_as_text_on_the_pages_and_never_runs() {
    var d = browser.driver;
    d.get(bayan.base() + "/?q=" + TestServer.enc("تحذير"));
    WebElement title = d.findElement(By.cssSelector(".hit-title"));
    assertTrue(title.getText().contains("<script>window.__pwned=1</script>"), title.getText());
    assertTrue(d.findElements(By.cssSelector(".hit img, .hit script")).isEmpty());
    assertNothingRan();
    d.get(bayan.base() + "/s/" + WebFixture.XSS_ID);
    assertTrue(d.findElement(By.cssSelector(".statement .body")).getText().contains("<img src=x onerror=\"window.__pwned=3\">"));
    assertTrue(d.findElements(By.cssSelector(".statement img, .statement script")).isEmpty());
    assertNothingRan();
  }

  @Test
  @Order(4)
  void pages_have_no_serious_accessibility_violations() throws Exception {
    var d = browser.driver;
    for (String path : List.of("/?q=" + TestServer.enc("وزارة الصحة"), "/?ui=en&q=vaccination", "/s/moi-1",
        "/s/" + WebFixture.EDITED_ID + "?ui=en", "/?mode=claim", "/embed?lang=ar")) {
      d.get(bayan.base() + path);
      List<String> v = browser.seriousAccessibilityViolations(null);
      assertTrue(v.isEmpty(), path + ":\n" + String.join("\n", v));
    }
  }

  static SearchContext widget() {
    WebElement el = waiting().until(x -> {
      WebElement e = x.findElement(By.tagName("bayan-search"));
      return Boolean.TRUE.equals(browser.js("return !!arguments[0].shadowRoot", e)) ? e : null;
    });
    return el.getShadowRoot();
  }

  static List<WebElement> options(SearchContext w) {
    return waiting().until(x -> {
      List<WebElement> o = w.findElements(By.cssSelector("[role=option]"));
      return o.isEmpty() || !o.getFirst().isDisplayed() ? null : o;
    });
  }

  @Test
  @Order(5)
  void widget_on_another_origin_searches_as_you_type_and_keyboard_navigates() throws Exception {
    var d = browser.driver;
    d.manage().window().setSize(new Dimension(1000, 800));
    d.get(hostBase() + "/");
    SearchContext w = widget();
    WebElement input = w.findElement(By.cssSelector("input"));
    assertEquals("combobox", input.getAttribute("role"));
    assertEquals("false", input.getAttribute("aria-expanded"));
    String listId = input.getAttribute("aria-controls");
    input.sendKeys("الصحة");
    List<WebElement> opts = options(w);
    assertEquals("true", input.getAttribute("aria-expanded"));
    assertEquals("listbox", w.findElement(By.cssSelector("#" + listId)).getAttribute("role"));
    assertTrue(opts.size() >= 3, "results plus the 'all results' option");
    assertTrue(opts.getFirst().findElements(By.tagName("mark")).size() > 0, "highlighted match");
    assertTrue(opts.getFirst().getText().contains("وزارة الصحة"), "agency shown: " + opts.getFirst().getText());
    assertEquals("rtl", opts.getFirst().getCssValue("direction"));
    browser.screenshot("widget-ar");

    input.sendKeys(Keys.ARROW_DOWN);
    assertEquals(opts.get(0).getAttribute("id"), input.getAttribute("aria-activedescendant"));
    assertEquals("true", opts.get(0).getAttribute("aria-selected"));
    input.sendKeys(Keys.ARROW_DOWN);
    assertEquals(opts.get(1).getAttribute("id"), input.getAttribute("aria-activedescendant"));
    assertEquals("false", opts.get(0).getAttribute("aria-selected"));
    input.sendKeys(Keys.ARROW_UP);
    assertEquals(opts.get(0).getAttribute("id"), input.getAttribute("aria-activedescendant"));

    List<String> v = browser.seriousAccessibilityViolations(null);
    assertTrue(v.isEmpty(), "widget:\n" + String.join("\n", v));

    input.sendKeys(Keys.ESCAPE);
    assertEquals("false", input.getAttribute("aria-expanded"));
    input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    String active = input.getAttribute("aria-activedescendant");
    assertTrue(active != null && !active.isEmpty());
    input.sendKeys(Keys.ENTER);
    waiting().until(x -> x.getCurrentUrl().startsWith(bayan.base() + "/s/"));
    assertFalse(d.findElement(By.tagName("h1")).getText().isBlank());
  }

  @Test
  @Order(6)
  void widget_shows_statement_markup_as_text_and_nothing_runs() {
    var d = browser.driver;
    d.get(hostBase() + "/");
    SearchContext w = widget();
    w.findElement(By.cssSelector("input")).sendKeys("تحذير");
    List<WebElement> opts = options(w);
    assertTrue(opts.getFirst().getText().contains("<script>window.__pwned=1</script>"), opts.getFirst().getText());
    assertTrue(w.findElements(By.cssSelector("img, script")).isEmpty(), "no element built from statement text");
    assertNothingRan();
  }

  @Test
  @Order(7)
  void widget_takes_the_full_width_on_a_narrow_screen() throws Exception {
    var d = browser.driver;
    d.manage().window().setSize(new Dimension(400, 800));
    d.get(hostBase() + "/");
    SearchContext w = widget();
    w.findElement(By.cssSelector("input")).sendKeys("وزارة");
    options(w);
    Number width = (Number) browser.js(
        "return document.querySelector('bayan-search').shadowRoot.querySelector('.box').getBoundingClientRect().width");
    Number viewport = (Number) browser.js("return document.documentElement.clientWidth");
    assertEquals(viewport.intValue(), width.intValue(), "full width when open");
    browser.screenshot("widget-narrow");
    d.manage().window().setSize(new Dimension(1280, 1000));
  }
}
