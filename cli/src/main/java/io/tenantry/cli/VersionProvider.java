package io.tenantry.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads the version Maven wrote into {@code version.properties} when the CLI was built. */
final class VersionProvider implements IVersionProvider {

  /**
   * Returns the version lines printed by {@code --version}.
   *
   * @return {@code tenantry <version>} and the Java runtime
   */
  @Override
  public String[] getVersion() {
    return new String[] {"tenantry " + version(),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
  }

  static String version() {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled version.properties", e);
    }
    return p.getProperty("version", "unknown");
  }
}
