package io.headhuntr.connector.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.webjars.WebJarVersionLocator;

/**
 * The browser assets of the console: htmx and uPlot from their webjars (served by Javalin under
 * {@code /webjars/}, the version found on the class path), and the console's own stylesheet and
 * script, read once from {@code console/} on the class path.
 *
 * @param htmx the htmx script's URL path
 * @param uplot the uPlot script's URL path
 * @param uplotCss uPlot's stylesheet's URL path
 */
public record Assets(String htmx, String uplot, String uplotCss) {
  /** The console's own files: name to (content type, bytes). */
  private static final Map<String, String> OWN =
      Map.of(
          "console.css", "text/css; charset=utf-8", "console.js", "text/javascript; charset=utf-8");

  /** Where the console's own files are served. */
  public static final String OWN_PATH = "/console/assets/";

  static Assets fromWebjars() {
    WebJarVersionLocator locator = new WebJarVersionLocator();
    return new Assets(
        webjar(locator, "htmx.org", "dist/htmx.min.js"),
        webjar(locator, "uplot", "dist/uPlot.iife.min.js"),
        webjar(locator, "uplot", "dist/uPlot.min.css"));
  }

  public String css() {
    return OWN_PATH + "console.css";
  }

  public String js() {
    return OWN_PATH + "console.js";
  }

  /** The content type and bytes of one of the console's own files, if {@code name} is one. */
  static Optional<Map.Entry<String, byte[]>> own(String name) {
    String type = OWN.get(name);
    if (type == null) {
      return Optional.empty();
    }
    try (InputStream in = Assets.class.getClassLoader().getResourceAsStream("console/" + name)) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(Map.entry(type, in.readAllBytes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String webjar(WebJarVersionLocator locator, String webjar, String file) {
    String path = locator.path(webjar, file);
    if (path == null) {
      throw new IllegalStateException(
          "the " + webjar + " webjar is not on the class path (" + file + ")");
    }
    return "/webjars/" + path;
  }
}
