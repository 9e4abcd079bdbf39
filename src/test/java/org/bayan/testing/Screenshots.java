package org.bayan.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Whole-page screenshots at a desktop and a phone width, kept as test artifacts in target/screenshots/
 * ({@code name-1280.png}, {@code name-390.png}) for people to look at. The width is emulated as a device
 * (a phone width as a mobile viewport, as the page's meta viewport expects); the height is the page's own.
 */
public final class Screenshots {
  public static final int DESKTOP = 1280;
  public static final int PHONE = 390;
  public static final List<Integer> WIDTHS = List.of(DESKTOP, PHONE);
  /** Longer pages are cut here: the top of a page is what a screenshot is for. */
  private static final int MAX_HEIGHT = 5000;

  private Screenshots() {}

  public static Path dir() throws IOException {
    return Files.createDirectories(Fixtures.project().resolve("target/screenshots"));
  }

  /** Opens {@code url} at each width and saves the whole page; returns the files. */
  public static List<Path> take(Browser browser, String url, String name) throws IOException {
    List<Path> out = new ArrayList<>();
    try {
      for (int width : WIDTHS) {
        emulate(browser, width, 900);
        browser.driver.get(url);
        out.add(save(browser, name + "-" + width));
      }
    } finally {
      browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }
    return out;
  }

  /** Sets the viewport to {@code width} (a phone below 600 px) until {@link #reset}. */
  public static void emulate(Browser browser, int width, int height) {
    browser.driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
        "width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  public static void reset(Browser browser) {
    browser.driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
  }

  /** The current page, whole (up to a cut-off height), at the emulated width. */
  public static Path save(Browser browser, String file) throws IOException {
    Number h = (Number) browser.js("return Math.max(document.documentElement.scrollHeight, document.body.scrollHeight)");
    Number w = (Number) browser.js("return window.innerWidth");
    int height = Math.min(MAX_HEIGHT, Math.max(200, h.intValue()));
    Map<String, Object> shot = browser.driver.executeCdpCommand("Page.captureScreenshot", Map.of(
        "format", "png", "captureBeyondViewport", true,
        "clip", Map.of("x", 0, "y", 0, "width", w.intValue(), "height", height, "scale", 1)));
    Path f = dir().resolve(file + ".png");
    Files.write(f, Base64.getDecoder().decode((String) shot.get("data")));
    return f;
  }
}
