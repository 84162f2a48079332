package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store command on an H2 file {@code --db} while another process's command holds the store
 * ({@code cli.md}, "Concurrency"): it waits for the store's lock, as without {@code --db}, instead
 * of failing at once because the other process has the embedded database open.
 */
class DbOptionLockTest {
  @TempDir
  Path tmp;

  @Test
  void store_whileAnotherProcessHoldsTheStoreAndItsH2File_waitsForTheLock_thenRuns()
      throws Exception {
    Path root = tmp.resolve("store");
    String db = "jdbc:h2:file:" + tmp.resolve("data").resolve("db");
    CommandRun init = CommandRun.of("store", "init", "--root", root.toString(), "--db", db);
    assertThat(init.exitCode()).as(init.err()).isZero();

    Process holder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), DbHolder.class.getName(), root.toString(), db,
        "6000").redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(),
          StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("held");
      long start = System.nanoTime();
      CommandRun list = CommandRun.of("store", "list", "--root", root.toString(), "--db", db,
          "--tenant", "contoso");
      long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(list.exitCode()).as(list.err()).isZero();
      assertThat(waitedMillis).as("waited for the other command").isGreaterThan(3000);
    } finally {
      holder.destroy();
      holder.waitFor(30, TimeUnit.SECONDS);
    }
  }
}
