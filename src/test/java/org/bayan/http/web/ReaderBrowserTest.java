package org.bayan.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.bayan.testing.Browser;
import org.bayan.testing.Fixtures;
import org.bayan.testing.Screenshots;
import org.bayan.testing.TestServer;
import org.bayan.testing.WebFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search and statement pages in real headless Chromium: type-ahead by keyboard, did-you-mean, the
 * order and date controls, the 404 page, the framed box's language, and the pages at a phone's width.
 * Screenshots of the search and statement pages (Arabic and English, 1280 and 390 px) go to
 * target/screenshots/.
 */
class ReaderBrowserTest {
  @TempDir static Path tmp;
  static TestServer bayan;
  static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    browser = Browser.start();
    Path data = WebFixture.build(tmp);
    Fixtures.indexed(data, Fixtures.lines(tmp.resolve("extra/c.jsonl"), List.of(Fixtures.json(Map.of(
        "id", "moh-url", "agency", "moh", "title", "وزارة الصحة تعلن مواعيد الحملة الوطنية للتلقيح",
        "body", "أعلنت وزارة الصحة مواعيد الحملة الوطنية للتلقيح في كل الولايات.\nوتبدأ الحملة يوم الأحد.",
        "published_at", "2023-03-20", "source_url", ReaderPagesTest.ENCODED_SOURCE)))));
    bayan = TestServer.start(data);
  }

  @AfterAll
  static void stop() throws Exception {
    if (bayan != null) bayan.close();
    if (browser != null) browser.close();
  }

  @AfterEach
  void desktop() {
    Screenshots.reset(browser);
  }

  static WebDriverWait waiting() {
    return new WebDriverWait(browser.driver, Duration.ofSeconds(10));
  }

  static SearchContext widget() {
    WebElement el = waiting().until(x -> {
      WebElement e = x.findElement(By.tagName("bayan-search"));
      return Boolean.TRUE.equals(browser.js("return !!arguments[0].shadowRoot", e)) ? e : null;
    });
    return el.getShadowRoot();
  }

  static List<WebElement> suggestions() {
    return waiting().until(x -> {
      List<WebElement> o = x.findElements(By.cssSelector("#q-suggestions [role=option]"));
      return o.isEmpty() || !o.getFirst().isDisplayed() ? null : o;
    });
  }

  @Test
  void the_search_box_suggests_as_you_type_and_is_driven_by_the_keyboard() throws Exception {
    var d = browser.driver;
    d.get(bayan.base() + "/");
    WebElement q = d.findElement(By.id("q"));
    assertEquals("combobox", q.getAttribute("role"));
    assertEquals("false", q.getAttribute("aria-expanded"));
    q.sendKeys("وزارة ال");
    List<WebElement> opts = suggestions();
    assertEquals("true", q.getAttribute("aria-expanded"));
    assertEquals("listbox", d.findElement(By.id(q.getAttribute("aria-controls"))).getAttribute("role"));
    assertTrue(opts.size() >= 2, "several suggestions");
    assertTrue(opts.getFirst().getText().contains("وزارة"), opts.getFirst().getText());
    q.sendKeys(Keys.ARROW_DOWN);
    assertEquals(opts.get(0).getAttribute("id"), q.getAttribute("aria-activedescendant"));
    assertEquals("true", opts.get(0).getAttribute("aria-selected"));
    q.sendKeys(Keys.ARROW_DOWN);
    assertEquals(opts.get(1).getAttribute("id"), q.getAttribute("aria-activedescendant"));
    q.sendKeys(Keys.ARROW_UP);
    assertEquals(opts.get(0).getAttribute("id"), q.getAttribute("aria-activedescendant"));
    List<String> v = browser.seriousAccessibilityViolations(null);
    assertTrue(v.isEmpty(), "open type-ahead:\n" + String.join("\n", v));
    q.sendKeys(Keys.ESCAPE);
    assertEquals("false", q.getAttribute("aria-expanded"));
    assertFalse(d.findElement(By.id("q-suggestions")).isDisplayed());
    assertEquals("وزارة ال", q.getAttribute("value"), "Esc closes the list and keeps what was typed");
    q.sendKeys(Keys.ARROW_DOWN);
    String chosen = d.findElement(By.id(q.getAttribute("aria-activedescendant"))).getText();
    q.sendKeys(Keys.ENTER);
    waiting().until(x -> x.getCurrentUrl().contains("/s/") || x.getCurrentUrl().contains("agency="));
    if (d.getCurrentUrl().contains("/s/")) {
      assertTrue(chosen.startsWith(d.findElement(By.tagName("h1")).getText()), chosen);
    }
    // Enter with nothing chosen searches what was typed.
    d.get(bayan.base() + "/?ui=en");
    q = d.findElement(By.id("q"));
    q.sendKeys("vaccination");
    suggestions();
    q.sendKeys(Keys.ENTER);
    waiting().until(x -> x.getCurrentUrl().contains("q=vaccination"));
  }

  @Test
  void did_you_mean_is_a_link_that_searches_the_corrected_words() {
    var d = browser.driver;
    d.get(bayan.base() + "/?ui=en&q=vacination");
    WebElement p = d.findElement(By.cssSelector(".did-you-mean"));
    assertTrue(p.getText().startsWith("Did you mean:"), p.getText());
    p.findElement(By.tagName("a")).click();
    waiting().until(x -> x.getCurrentUrl().contains("q=vaccination"));
    assertFalse(d.findElements(By.cssSelector(".hit")).isEmpty());
    d.get(bayan.base() + "/?q=" + TestServer.enc("الداخلبة"));
    WebElement ar = d.findElement(By.cssSelector(".did-you-mean"));
    assertTrue(ar.getText().startsWith("هل تقصد:"), ar.getText());
    ar.findElement(By.tagName("a")).click();
    waiting().until(x -> x.getCurrentUrl().contains("q=" + TestServer.enc("الداخلية")));
    assertFalse(d.findElements(By.cssSelector(".hit")).isEmpty());
  }

  static List<String> dates() {
    return browser.driver.findElements(By.cssSelector(".hit time")).stream()
        .map(t -> t.getAttribute("datetime")).toList();
  }

  @Test
  void order_and_dates_set_on_the_form_filter_the_results_and_stay_set() {
    var d = browser.driver;
    d.get(bayan.base() + "/?ui=en&q=" + TestServer.enc("وزارة"));
    new Select(d.findElement(By.id("sort"))).selectByValue("oldest");
    d.findElement(By.cssSelector(".search-form button[type=submit]")).click();
    waiting().until(x -> x.getCurrentUrl().contains("sort=oldest"));
    assertFalse(d.getCurrentUrl().contains("from=") || d.getCurrentUrl().contains("to="), "empty dates are not sent: " + d.getCurrentUrl());
    List<String> oldest = dates();
    assertTrue(oldest.size() >= 3, oldest.toString());
    assertEquals(oldest.stream().sorted().toList(), oldest, "oldest first");
    assertEquals("oldest", new Select(d.findElement(By.id("sort"))).getFirstSelectedOption().getAttribute("value"));
    // A date typed into the from box (the control's own format: the browser fills yyyy-mm-dd).
    browser.js("arguments[0].value = '2024-04-01'", d.findElement(By.id("from")));
    d.findElement(By.cssSelector(".search-form button[type=submit]")).click();
    waiting().until(x -> x.getCurrentUrl().contains("from=2024-04-01"));
    List<String> after = dates();
    assertFalse(after.isEmpty());
    assertTrue(after.stream().allMatch(s -> s.compareTo("2024-04-01") >= 0), after.toString());
    assertEquals("2024-04-01", d.findElement(By.id("from")).getAttribute("value"));
    assertEquals("oldest", new Select(d.findElement(By.id("sort"))).getFirstSelectedOption().getAttribute("value"));
    // The year facet: on, and every hit from that year.
    d.get(bayan.base() + "/?ui=en");
    d.findElement(By.cssSelector(".facet[data-facet=year] a[data-value='2023']")).click();
    waiting().until(x -> x.getCurrentUrl().contains("year=2023"));
    assertEquals("true", d.findElement(By.cssSelector(".facet[data-facet=year] a[data-value='2023']")).getAttribute("aria-current"));
    assertTrue(dates().stream().allMatch(s -> s.startsWith("2023")), dates().toString());
  }

  @Test
  void a_lost_link_shows_a_page_in_the_readers_language() {
    var d = browser.driver;
    d.get(bayan.base() + "/no/such/page");
    assertEquals("rtl", d.findElement(By.tagName("html")).getAttribute("dir"));
    assertTrue(d.findElement(By.tagName("h1")).getText().contains("لا توجد صفحة"), d.getPageSource());
    d.findElement(By.cssSelector("main a[href='/']")).click();
    waiting().until(x -> x.findElements(By.id("q")).size() == 1);
  }

  @Test
  void the_framed_box_speaks_its_ui_language_and_names_statuses_in_it() {
    var d = browser.driver;
    // The browser prefers Arabic; the box asks for English, and filters Arabic statements.
    d.get(bayan.base() + "/embed?ui=en&lang=ar");
    assertEquals("en", d.findElement(By.tagName("html")).getAttribute("lang"));
    SearchContext w = widget();
    WebElement input = w.findElement(By.cssSelector("input"));
    assertEquals("Search official statements", input.getAttribute("placeholder"));
    input.sendKeys("وزارة");
    List<WebElement> opts = waiting().until(x -> {
      List<WebElement> o = w.findElements(By.cssSelector("[role=option]"));
      return o.size() < 2 || !o.getFirst().isDisplayed() ? null : o;
    });
    assertTrue(opts.getFirst().getText().contains("Unsigned"), opts.getFirst().getText());
    d.get(bayan.base() + "/embed?ui=ar");
    SearchContext wa = widget();
    wa.findElement(By.cssSelector("input")).sendKeys("وزارة");
    List<WebElement> ar = waiting().until(x -> {
      List<WebElement> o = wa.findElements(By.cssSelector("[role=option]"));
      return o.size() < 2 || !o.getFirst().isDisplayed() ? null : o;
    });
    assertTrue(ar.getFirst().getText().contains("غير موثّق") && !ar.getFirst().getText().contains("unsigned"),
        ar.getFirst().getText());
  }

  @Test
  void the_statement_page_fits_a_phone_with_a_readable_source_and_citation() throws Exception {
    var d = browser.driver;
    for (String ui : List.of("ar", "en")) {
      Screenshots.emulate(browser, Screenshots.PHONE, 800);
      d.get(bayan.base() + "/s/moh-url?ui=" + ui);
      WebElement source = d.findElement(By.cssSelector(".source-url"));
      assertTrue(source.getText().contains("مثال.example/الأخبار/بيان-وزارة-الصحة"), source.getText());
      assertEquals(ReaderPagesTest.ENCODED_SOURCE, source.getAttribute("href"));
      double lineHeight = Double.parseDouble(source.getCssValue("line-height").replace("px", "").replace("normal", "20"));
      assertTrue(source.getRect().getHeight() <= 4 * lineHeight, "source URL takes "
          + source.getRect().getHeight() + " px on a phone");
      Number scroll = (Number) browser.js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertTrue(scroll.intValue() <= 0, "the page scrolls sideways by " + scroll + " px on a phone");
      // The permalink reads left to right, whole, as a URL: its text starts with the scheme.
      String url = d.findElement(By.cssSelector(".cite-url")).getText();
      assertTrue(url.startsWith("http") && url.endsWith("/s/moh-url?version=1"), url);
    }
  }

  /** Elements wider than a phone's screen make the whole page scroll sideways (or zoom out). */
  static String overflowing() {
    return (String) browser.js("var w = document.documentElement.clientWidth, out = [];"
        + "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
        + " if (r.width > 0 && (r.right > w + 1 || r.left < -1) && !e.closest('pre, .skip, .visually-hidden')) out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right)); });"
        + "return out.slice(0, 8).join('\\n');");
  }

  @Test
  void the_search_and_statement_pages_fit_a_phone_screen() throws Exception {
    for (String ui : List.of("ar", "en")) {
      for (String path : List.of("/?ui=" + ui + "&q=" + TestServer.enc(ui.equals("ar") ? "وزارة الصحة" : "vaccination"),
          "/?ui=" + ui, "/s/moh-url?ui=" + ui, "/s/" + WebFixture.XSS_ID + "?ui=" + ui)) {
        Screenshots.emulate(browser, Screenshots.PHONE, 800);
        browser.driver.get(bayan.base() + path);
        String wide = overflowing();
        assertTrue(wide.isEmpty(), path + " is wider than a phone:\n" + wide);
      }
    }
  }

  @Test
  void screenshots_of_the_search_and_statement_pages_in_both_languages_and_widths() throws Exception {
    for (String ui : List.of("ar", "en")) {
      String q = ui.equals("ar") ? TestServer.enc("وزارة الصحة") : "vaccination";
      for (Path png : Screenshots.take(browser, bayan.base() + "/?ui=" + ui + "&q=" + q, "search-" + ui)) check(png);
      for (Path png : Screenshots.take(browser, bayan.base() + "/s/moh-url?ui=" + ui, "statement-" + ui)) check(png);
    }
  }

  /** A real image of the width asked for, not a blank page. */
  static void check(Path png) throws Exception {
    BufferedImage img = ImageIO.read(png.toFile());
    int width = png.getFileName().toString().contains("-390") ? Screenshots.PHONE : Screenshots.DESKTOP;
    assertEquals(width, img.getWidth(), png.toString());
    assertTrue(img.getHeight() >= 400, png + " is " + img.getHeight() + " px high");
    int first = img.getRGB(width / 2, 200);
    boolean varied = false;
    for (int y = 0; y < img.getHeight() && !varied; y += 7) {
      for (int x = 0; x < width && !varied; x += 5) varied = img.getRGB(x, y) != first;
    }
    assertTrue(varied, png + " is blank");
  }
}
