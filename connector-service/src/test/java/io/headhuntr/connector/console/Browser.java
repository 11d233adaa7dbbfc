package io.headhuntr.connector.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Debian {@code chromium} driven through the system {@code chromedriver} (both from
 * apt; nothing is downloaded: the driver and the browser are named explicitly, so Selenium Manager
 * has nothing to look for), a fresh profile, and screenshots saved under the build folder as test
 * artifacts. Where either is missing the test is skipped with the reason, unless {@code
 * CONNECTOR_REQUIRE_BROWSER} is set (CI sets it): then it fails.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  /** How long a page may take to show what a test waits for (htmx polls every few seconds). */
  static final Duration LIVE = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final URI base;
  private final Path profile;
  private final Path screenshots;
  private int shots;

  private Browser(ChromeDriver driver, URI base, Path profile, Path screenshots) {
    this.driver = driver;
    this.base = base;
    this.profile = profile;
    this.screenshots = screenshots;
  }

  /** Skips (or, under {@code CONNECTOR_REQUIRE_BROWSER}, fails) when the browser is missing. */
  static void assumeInstalled() {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!present && System.getenv("CONNECTOR_REQUIRE_BROWSER") != null) {
      throw new AssertionError(
          "CONNECTOR_REQUIRE_BROWSER is set but "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + " is missing: apt-get install chromium chromium-driver");
    }
    assumeTrue(
        present,
        "skipped: "
            + CHROMIUM
            + " or "
            + CHROMEDRIVER
            + " is not installed (apt-get install chromium chromium-driver)");
  }

  /**
   * A browser 1280 px wide opening paths on {@code base}; screenshots go to {@code <build
   * folder>/console-screenshots/}.
   */
  static Browser start(URI base) {
    try {
      Path profile = Files.createTempDirectory("console-chromium-profile");
      Path screenshots = buildFolder().resolve("console-screenshots");
      Files.createDirectories(screenshots);
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .withSilent(true)
              .build();
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--user-data-dir=" + profile,
          "--window-size=1280,1000");
      options.setExperimentalOption(
          "prefs", Map.of("download.default_directory", profile.resolve("downloads").toString()));
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
      driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
      return new Browser(driver, base, profile, screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  WebDriver driver() {
    return driver;
  }

  Object js(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Sets the viewport's width (CSS pixels) through the DevTools protocol, as a phone has it. */
  void viewport(int width, int height) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
    if (width >= 1000) {
      driver.manage().window().setSize(new Dimension(width, height));
    }
  }

  /** Whether the page is wider than the viewport (a person would have to scroll sideways). */
  boolean scrollsSideways() {
    Object wider =
        js(
            "return document.documentElement.scrollWidth > window.innerWidth"
                + " || document.body.scrollWidth > window.innerWidth;");
    return Boolean.TRUE.equals(wider);
  }

  long innerWidth() {
    return ((Number) js("return window.innerWidth;")).longValue();
  }

  /** Saves a screenshot of the whole page (not only the viewport) as {@code NN-name.png}. */
  Path screenshot(String name) {
    Path file = screenshots.resolve(String.format("%02d-%s.png", ++shots, name));
    try {
      Map<String, Object> shot =
          driver.executeCdpCommand(
              "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
      Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  void open(String path) {
    driver.get(base.resolve(path).toString());
  }

  String path() {
    return URI.create(driver.getCurrentUrl()).getPath();
  }

  void waitPath(String expected) {
    await().atMost(LIVE).untilAsserted(() -> assertThat(path()).isEqualTo(expected));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  /** The element's visible text, read in one script call (htmx may replace it at any time). */
  String text(String css) {
    Object text =
        js(
            "var e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : null;",
            css);
    if (text == null) {
      throw new AssertionError("nothing on the page matches " + css);
    }
    return text.toString();
  }

  @SuppressWarnings("unchecked")
  List<String> texts(String css) {
    return (List<String>)
        js(
            "return Array.from(document.querySelectorAll(arguments[0]))"
                + ".map(function (e) { return e.innerText.trim(); });",
            css);
  }

  /** The element's text once it is on the page (htmx swaps pages in after the click). */
  String waitText(String css) {
    await().atMost(LIVE).ignoreExceptions().untilAsserted(() -> assertThat(text(css)).isNotBlank());
    return text(css);
  }

  /** An input's value, or else the attribute, read in one script call. */
  String attr(String css, String name) {
    Object value =
        js(
            "var e = document.querySelector(arguments[0]); if (!e) { return null; }"
                + " return arguments[1] === 'value' ? e.value : e.getAttribute(arguments[1]);",
            css,
            name);
    if (value == null && driver.findElements(By.cssSelector(css)).isEmpty()) {
      throw new AssertionError("nothing on the page matches " + css);
    }
    return value == null ? "" : value.toString();
  }

  void type(String css, String value) {
    WebElement field = driver.findElement(By.cssSelector(css));
    field.clear();
    if (!value.isEmpty()) {
      field.sendKeys(value);
    }
  }

  /**
   * Clicks what loads another page (a link, a form's button) and waits until it is in: htmx swaps
   * the new page's body in, so the old {@code main} element is gone.
   */
  void submit(String css) {
    js("var m = document.getElementById('main'); if (m) { m.setAttribute('data-old', '1'); }");
    click(css);
    await()
        .atMost(LIVE)
        .ignoreExceptions()
        .until(
            () ->
                !driver.findElements(By.cssSelector("#main:not([data-old])")).isEmpty()
                    && Boolean.TRUE.equals(
                        js(
                            "return !document.querySelector('.htmx-request') && document.readyState === 'complete';")));
  }

  void click(String css) {
    await()
        .atMost(LIVE)
        .ignoreExceptions()
        .until(
            () -> {
              driver.findElement(By.cssSelector(css)).click();
              return true;
            });
  }

  /**
   * Presses Tab from the start of the page until the element with {@code id} has the focus (at most
   * 80 times, else the test fails: it cannot be reached by keyboard), then presses {@code key} on
   * it and waits for the page that loads.
   */
  void pressKeysUntilFocused(String id, CharSequence key) {
    js("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);");
    for (int i = 0; i < 80; i++) {
      driver.switchTo().activeElement().sendKeys(org.openqa.selenium.Keys.TAB);
      if (id.equals(driver.switchTo().activeElement().getDomAttribute("id"))) {
        js("var m = document.getElementById('main'); if (m) { m.setAttribute('data-old', '1'); }");
        driver.switchTo().activeElement().sendKeys(key);
        await()
            .atMost(LIVE)
            .until(() -> !driver.findElements(By.cssSelector("#main:not([data-old])")).isEmpty());
        return;
      }
    }
    throw new AssertionError("#" + id + " cannot be reached with the Tab key");
  }

  /** The ids (or names) of visible form fields no label names. */
  @SuppressWarnings("unchecked")
  List<String> unlabelledInputs() {
    return (List<String>)
        js(
            "return Array.from(document.querySelectorAll("
                + "'input:not([type=hidden]), select, textarea'))"
                + ".filter(function (e) { return !e.labels || e.labels.length === 0; })"
                + ".map(function (e) { return e.id || e.name; });");
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // a temporary profile left behind is harmless
      }
    }
  }

  /** {@code target-<name>/}: the folder this build writes (test-classes' parent). */
  private static Path buildFolder() {
    try {
      return Path.of(Browser.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
