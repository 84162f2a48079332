package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tenantry servicedesk} on a fixture whose tables were checked by hand: 8 baseline Exchange
 * tickets at tier 1, then an Exchange ticket escalated to tier 2 (a spike over a flat baseline),
 * a newly migrated caller's Teams ticket (Carol, migrated two days before), and two run-state
 * Teams tickets resolved in 2 and 6 hours from 2 active users.
 */
class ServiceDeskCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @TempDir
  Path tmp;

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static Path fixture(String name) {
    try {
      return Path.of(ServiceDeskCommandTest.class.getResource("/servicedesk/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void servicedesk_fixture_writesTheGoldenTables() throws IOException {
    int code = run("servicedesk", "--tickets", fixture("tickets.csv").toString(), "--users",
        fixture("users.csv").toString(), "--events", fixture("events.jsonl").toString(),
        "--as-of", "2026-06-30", "--weeks", "3", "--tenant", "contoso", "--out",
        tmp.resolve("out").toString());

    assertThat(code).isZero();
    for (String f : new String[] {"servicedesk-trends.csv", "servicedesk-spikes.csv",
        "servicedesk.json"}) {
      assertThat(Files.readAllBytes(tmp.resolve("out").resolve(f)))
          .as(f).isEqualTo(Files.readAllBytes(fixture("expected/" + f)));
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("1 spikes");
  }

  @Test
  void servicedesk_badTicket_exits65WithTheLine() throws IOException {
    Path tickets = tmp.resolve("tickets.csv");
    Files.writeString(tickets, "Ticket Id,Workload,User,Opened\nT1,Teams,ghost,2026-06-01\n");

    int code = run("servicedesk", "--tickets", tickets.toString(), "--users",
        fixture("users.csv").toString(), "--as-of", "2026-06-30", "--out", tmp.toString());

    assertThat(code).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("tickets.csv:2").contains("ghost");
  }

  @Test
  void servicedesk_zeroWeeks_isABadCommandLine() {
    int code = run("servicedesk", "--tickets", fixture("tickets.csv").toString(), "--users",
        fixture("users.csv").toString(), "--as-of", "2026-06-30", "--weeks", "0", "--out",
        tmp.toString());

    assertThat(code).isEqualTo(ExitCodes.USAGE);
  }
}
