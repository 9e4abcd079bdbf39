package org.bayan.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its ChromeDriver, one per test class. Nothing is downloaded: a missing
 * browser fails the tests with the command that installs it, unless BAYAN_SKIP_BROWSER=1 says to skip them.
 */
public final class Browser implements AutoCloseable {
  public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("BAYAN_CHROMIUM", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("BAYAN_CHROMEDRIVER", "/usr/bin/chromedriver"));

  public final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  public static Browser start() throws IOException {
    boolean skip = "1".equals(System.getenv("BAYAN_SKIP_BROWSER"));
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present) {
      Assumptions.assumeFalse(skip, "BAYAN_SKIP_BROWSER=1: browser tests skipped");
      throw new AssertionError("The browser tests need Debian's Chromium and ChromeDriver (" + CHROMIUM + ", "
          + CHROMEDRIVER + "), which are missing. Install them with: apt-get install -y chromium chromium-driver "
          + "(or set BAYAN_SKIP_BROWSER=1 to skip these tests).");
    }
    Path profile = Files.createTempDirectory("bayan-chromium-");
    ChromeOptions o = new ChromeOptions();
    o.setBinary(CHROMIUM.toFile());
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=ar",
        "--force-device-scale-factor=1");
    o.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ar"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
    ChromeDriver d = new ChromeDriver(service, o);
    d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    return new Browser(d, profile);
  }

  public Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Saves a PNG of the viewport under target/screenshots/ for people to review. */
  public Path screenshot(String name) throws IOException {
    Path dir = Path.of("target", "screenshots");
    Files.createDirectories(dir);
    Path f = dir.resolve(name + ".png");
    Files.write(f, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    return f;
  }

  /** Runs axe-core on the page and returns the violations of 'serious' or 'critical' impact, as readable lines. */
  @SuppressWarnings("unchecked")
  public List<String> seriousAccessibilityViolations(String context) throws IOException {
    Path axe = Fixtures.project().resolve("src/test/browser/node_modules/axe-core/axe.min.js");
    if (!Files.isRegularFile(axe)) {
      throw new AssertionError("axe-core is not installed (" + axe + "): run  npm ci --prefix src/test/browser");
    }
    if (!Boolean.TRUE.equals(js("return !!window.axe"))) js(Files.readString(axe));
    Object result = ((JavascriptExecutor) driver).executeAsyncScript(
        "var done = arguments[arguments.length - 1];"
            + "axe.run(arguments[0] ? document.querySelector(arguments[0]) : document, {resultTypes: ['violations']})"
            + ".then(function (r) { done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
            + ".map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) { return n.target.join(' > ') + ' ' + (n.failureSummary || ''); }).join(' | '); })); })"
            + ".catch(function (e) { done(['axe failed: ' + e]); });", context);
    return (List<String>) result;
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var s = Files.walk(profile)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
