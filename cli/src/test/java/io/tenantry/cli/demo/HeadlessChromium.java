package io.tenantry.cli.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's Chromium headless on a local file: dumps the DOM, collects the console, screenshots. */
final class HeadlessChromium {
  private HeadlessChromium() {}

  static Path executable() {
    for (String p : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
      if (Files.isExecutable(Path.of(p))) {
        return Path.of(p);
      }
    }
    return null;
  }

  /** The result of one headless run. */
  record Run(int exitCode, String stdout, String stderr) {
    List<String> consoleErrors() {
      List<String> errors = new ArrayList<>();
      for (String line : stderr.split("\n")) {
        if ((line.contains("CONSOLE") && (line.contains(":ERROR:") || line.contains("Uncaught")))
            || line.contains("Failed to load resource")) {
          errors.add(line);
        }
      }
      return errors;
    }
  }

  static Run run(Path page, Path workDir, String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(workDir, "chromium-profile");
    List<String> cmd = new ArrayList<>(List.of(executable().toString(), "--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0",
        "--virtual-time-budget=3000"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    Path out = workDir.resolve("chromium.out");
    Path err = workDir.resolve("chromium.err");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 120 s");
    }
    return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
