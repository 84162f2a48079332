package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ConsoleTest {
  private final StringWriter text = new StringWriter();

  @Test
  void progress_onATerminal_drawsABarAndTheSummaryClearsIt() {
    Console c = new Console(new PrintWriter(text), false, true);

    c.progress("storing k", 15, 30);
    c.summary("stored k");

    assertThat(text.toString())
        .startsWith("\rstoring k [" + "#".repeat(15) + "-".repeat(15) + "] 50%")
        .endsWith("\r" + " ".repeat(78) + "\rtenantry: stored k" + System.lineSeparator());
  }

  @Test
  void progress_withoutATotal_showsTheCountSoFar() {
    Console c = new Console(new PrintWriter(text), false, true);

    c.progress("reading k", 4096, 0);

    assertThat(text.toString()).isEqualTo("\rreading k: 4096   ");
  }

  @Test
  void warning_afterProgress_startsOnAClearedLine() {
    Console c = new Console(new PrintWriter(text), false, true);

    c.progress("reading k", 1, 2);
    c.warning("repaired r1");

    assertThat(text.toString()).endsWith("\r" + " ".repeat(78) + "\rtenantry: warning: repaired r1"
        + System.lineSeparator());
  }

  @Test
  void progress_quietOrNotATerminal_drawsNothing() {
    new Console(new PrintWriter(text), true, true).progress("x", 1, 2);
    new Console(new PrintWriter(text), false, false).progress("x", 1, 2);

    assertThat(text.toString()).isEmpty();
  }
}
