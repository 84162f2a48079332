package io.tenantry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code store} scenario of {@code cli.md}, end to end through {@link Main#run}. */
class StoreCommandTest {
  @TempDir
  Path tmp;

  private ByteArrayOutputStream out;
  private ByteArrayOutputStream err;

  private int run(String... args) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path root() {
    return tmp.resolve("store");
  }

  private Path file(String name, byte[] content) throws IOException {
    Path f = tmp.resolve(name);
    Files.write(f, content);
    return f;
  }

  private static byte[] text(int size, long seed) {
    Random r = new Random(seed);
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      b[i] = (byte) ('a' + r.nextInt(26));
    }
    return b;
  }

  private String[] store(String sub, String... more) {
    String[] args = new String[4 + more.length];
    args[0] = "store";
    args[1] = sub;
    args[2] = "--root";
    args[3] = root().toString();
    System.arraycopy(more, 0, args, 4, more.length);
    return args;
  }

  private List<Path> files(String under) throws IOException {
    try (Stream<Path> s = Files.walk(root().resolve(under))) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void scenario_initPutGetCorruptRepairVerifyRotateShred() throws IOException {
    byte[] content = text(50_000, 7);
    Path f = file("report.txt", content);

    assertThat(run(store("init", "--geos", "NAM,EUR"))).isZero();
    assertThat(run(store("init"))).isEqualTo(ExitCodes.CANNOT_CREATE);
    assertThat(run(store("put", "--tenant", "contoso", "--key", "docs/report.txt", "--file",
        f.toString(), "--actor", "alice"))).isZero();
    assertThat(run(store("get", "--tenant", "contoso", "--key", "docs/report.txt"))).isZero();
    assertThat(out.toByteArray()).isEqualTo(content);

    Path chunk = files("geos/NAM/replica-1/contoso/chunks").get(0);
    byte[] bytes = Files.readAllBytes(chunk);
    bytes[bytes.length / 2] ^= 1;
    Files.write(chunk, bytes);
    assertThat(run(store("verify"))).isEqualTo(ExitCodes.CHECKS_FAILED);
    assertThat(out()).startsWith("DAMAGED\tNAM/replica-1\tcontoso\tdocs/report.txt\t");

    Path copy = tmp.resolve("copy.txt");
    assertThat(run(store("get", "--tenant", "contoso", "--key", "docs/report.txt", "--out",
        copy.toString()))).isZero();
    assertThat(Files.readAllBytes(copy)).isEqualTo(content);
    assertThat(err()).contains("repaired NAM/replica-1");
    assertThat(run(store("verify"))).isZero();
    assertThat(out()).isEmpty();

    assertThat(run(store("rotate-key", "--tenant", "contoso"))).isZero();
    assertThat(run(store("get", "--tenant", "contoso", "--key", "docs/report.txt"))).isZero();
    assertThat(out.toByteArray()).isEqualTo(content);
    assertThat(run(store("list", "--tenant", "contoso"))).isZero();
    assertThat(out()).isEqualTo("docs/report.txt\t50000\t1\tNAM\n");

    assertThat(run(store("shred-tenant", "--tenant", "contoso"))).isZero();
    assertThat(run(store("get", "--tenant", "contoso", "--key", "docs/report.txt")))
        .isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(err()).contains("tenant shredded");
    assertThat(out.size()).isZero();
    assertThat(run(store("list", "--tenant", "contoso"))).isZero();
    assertThat(out()).isEmpty();
    assertThat(run(store("verify"))).isZero();
    assertThat(out()).contains("SHREDDED\tNAM/replica-1\tcontoso").doesNotContain("DAMAGED");

    assertThat(run(store("audit", "--tenant", "contoso"))).isZero();
    List<String> lines = out().lines().toList();
    assertThat(lines).allMatch(l -> l.startsWith("{\"time\":\"") && l.contains("\"tenant\":\"contoso\""));
    assertThat(lines.get(0)).contains("\"actor\":\"alice\"", "\"activity\":\"Put\"",
        "\"key\":\"docs/report.txt\"", "\"result\":\"Success\"");
    assertThat(String.join("\n", lines)).contains("\"activity\":\"Repair\"",
        "\"activity\":\"RotateKey\"", "\"activity\":\"ShredTenant\"", "\"activity\":\"List\"",
        "\"result\":\"Failure\"");
  }

  @Test
  void put_belowWriteQuorum_exits75_andPreviousVersionStaysReadable() throws IOException {
    byte[] v1 = text(1000, 1);
    assertThat(run(store("init", "--geos", "NAM"))).isZero();
    assertThat(run(store("put", "--tenant", "t", "--key", "k", "--file",
        file("v1", v1).toString()))).isZero();
    for (String r : List.of("replica-2", "replica-3")) {
      Path dir = root().resolve("geos/NAM").resolve(r);
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      Files.writeString(dir, "not a folder any more");
    }

    assertThat(run(store("put", "--tenant", "t", "--key", "k", "--file",
        file("v2", text(1000, 2)).toString()))).isEqualTo(ExitCodes.TEMPORARY_FAILURE);
    assertThat(err()).contains("write quorum not reached");
    assertThat(run(store("get", "--tenant", "t", "--key", "k"))).isZero();
    assertThat(out.toByteArray()).isEqualTo(v1);
    assertThat(run(store("list", "--tenant", "t"))).isZero();
    assertThat(out()).isEqualTo("k\t1000\t1\tNAM\n");
  }

  @Test
  void replicaFileMovedIntoAnotherTenantsPlace_neverDecrypts_exit65() throws IOException {
    assertThat(run(store("init", "--replicas", "1", "--write-quorum", "1", "--geos", "EUR")))
        .isZero();
    assertThat(run(store("put", "--tenant", "a", "--key", "k", "--file",
        file("a", text(300, 3)).toString()))).isZero();
    assertThat(run(store("put", "--tenant", "b", "--key", "k", "--file",
        file("b", text(300, 4)).toString()))).isZero();
    for (String kind : List.of("maps", "keys")) {
      Path src = files("geos/EUR/replica-1/a/" + kind).get(0);
      Files.copy(src, root().resolve("geos/EUR/replica-1/b/" + kind).resolve(src.getFileName()),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    assertThat(run(store("get", "--tenant", "b", "--key", "k"))).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(out.size()).isZero();
    assertThat(err()).contains("no intact copy");
    // the object cannot be listed either, but it does not leave the list silently
    assertThat(run(store("list", "--tenant", "b"))).isZero();
    assertThat(out()).isEmpty();
    assertThat(err()).contains("tenantry: warning: 1 object of tenant b could not be read and is not"
        + " listed");
    assertThat(run(store("list", "--tenant", "a"))).isZero();
    assertThat(out()).startsWith("k\t300\t1\tEUR");
    assertThat(err()).doesNotContain("could not be read");
  }

  @Test
  void list_underAnotherMasterKey_warnsThatTheObjectsCannotBeRead() throws IOException {
    assertThat(run(store("init", "--replicas", "1", "--write-quorum", "1"))).isZero();
    for (String k : List.of("k1", "k2")) {
      assertThat(run(store("put", "--tenant", "t", "--key", k, "--file",
          file(k, text(100, 5)).toString()))).isZero();
    }
    byte[] other = new byte[32];
    new Random(11).nextBytes(other);
    Files.writeString(root().resolve("keys/master.key"),
        java.util.Base64.getEncoder().encodeToString(other));

    assertThat(run(store("list", "--tenant", "t"))).isZero();
    assertThat(out()).isEmpty();
    assertThat(err()).contains("2 objects of tenant t could not be read and are not listed")
        .contains("another master key?");
  }

  @Test
  void storedFiles_leaveNo64ByteWindowOfPlaintextUnderTheRoot() throws IOException {
    byte[] content = text(20_000, 9);
    assertThat(run(store("init"))).isZero();
    assertThat(run(store("put", "--tenant", "t", "--key", "k", "--file",
        file("c", content).toString()))).isZero();
    assertThat(run(store("rotate-key", "--tenant", "t"))).isZero();
    Set<String> windows = new HashSet<>();
    for (int i = 0; i + 64 <= content.length; i++) {
      windows.add(new String(content, i, 64, StandardCharsets.ISO_8859_1));
    }
    for (Path p : files("")) {
      byte[] b = Files.readAllBytes(p);
      for (int i = 0; i + 64 <= b.length; i++) {
        assertThat(windows.contains(new String(b, i, 64, StandardCharsets.ISO_8859_1)))
            .as("plaintext window in %s at %d", p, i).isFalse();
      }
    }
  }

  @Test
  void put_userPlacement_followsPreferredDataLocation_orCentral() throws IOException {
    Path users = file("users.csv", ("User Principal Name,Display Name,Preferred Data Location\n"
        + "ann@contoso.com,\"Ann, the admin\",EUR\nbob@contoso.com,Bob,NAN\n")
        .getBytes(StandardCharsets.UTF_8));
    Path f = file("f", text(10, 5));
    assertThat(run(store("init", "--geos", "NAM,EUR"))).isZero();
    assertThat(run(store("put", "--tenant", "t", "--key", "ann", "--user", "Ann@Contoso.com",
        "--users", users.toString(), "--file", f.toString()))).isZero();
    assertThat(run(store("put", "--tenant", "t", "--key", "bob", "--user", "bob@contoso.com",
        "--users", users.toString(), "--file", f.toString()))).isZero();
    assertThat(run(store("put", "--tenant", "t", "--key", "eve", "--user", "eve@contoso.com",
        "--users", users.toString(), "--file", f.toString()))).isEqualTo(ExitCodes.DATA_ERROR);

    assertThat(run(store("list", "--tenant", "t"))).isZero();
    assertThat(out()).isEqualTo("ann\t10\t1\tEUR\nbob\t10\t1\tNAM\n");
    assertThat(files("geos/NAM")).noneMatch(p -> p.toString().contains("ann"));
    try (Stream<Path> s = Files.walk(root().resolve("geos/NAM"))) {
      assertThat(s.filter(Files::isRegularFile).count()).isEqualTo(9);
    }
  }

  @Test
  void export_writesObjectsAndManifest_outsideTheStoreOnly() throws IOException {
    byte[] content = text(5000, 11);
    assertThat(run(store("init"))).isZero();
    assertThat(run(store("put", "--tenant", "t", "--key", "a/b.txt", "--file",
        file("c", content).toString()))).isZero();

    assertThat(run(store("export", "--tenant", "t", "--out", root().resolve("x").toString())))
        .isEqualTo(ExitCodes.USAGE);
    Path out = tmp.resolve("export");
    assertThat(run(store("export", "--tenant", "t", "--out", out.toString()))).isZero();
    assertThat(Files.readAllBytes(out.resolve("objects/000001"))).isEqualTo(content);
    assertThat(Files.readString(out.resolve("manifest.jsonl"))).startsWith(
        "{\"key\":\"a/b.txt\",\"file\":\"objects/000001\",\"size\":5000,\"sha256\":\"")
        .endsWith("\"version\":1,\"geo\":\"NAM\"}\n");
  }

  @Test
  void export_failingOnALaterObject_leavesNoPlaintextBehind() throws IOException {
    assertThat(run(store("init"))).isZero();
    assertThat(run(store("put", "--tenant", "t", "--key", "a", "--file",
        file("a", text(3000, 13)).toString()))).isZero();
    Set<Path> before = new HashSet<>(files("geos"));
    assertThat(run(store("put", "--tenant", "t", "--key", "b", "--file",
        file("b", text(3000, 14)).toString()))).isZero();
    for (Path p : files("geos")) {
      if (!before.contains(p) && p.toString().contains("chunk")) {
        byte[] b = Files.readAllBytes(p);
        b[b.length / 2] ^= 0x40;
        Files.write(p, b);
      }
    }
    Path out = tmp.resolve("export");

    assertThat(run(store("export", "--tenant", "t", "--out", out.toString())))
        .isEqualTo(ExitCodes.DATA_ERROR);
    try (Stream<Path> s = Files.walk(out)) {
      assertThat(s.filter(Files::isRegularFile).toList()).isEmpty();
    }
  }

  @Test
  void move_movesTheTenantToAnotherGeo_andAReRunFindsNothingToDo() throws IOException {
    byte[] content = text(3000, 12);
    assertThat(run(store("init", "--geos", "NAM,EUR"))).isZero();
    assertThat(run(store("put", "--tenant", "t", "--key", "k", "--file",
        file("c", content).toString()))).isZero();

    assertThat(run(store("move", "--tenant", "t", "--to", "EUR"))).isZero();
    assertThat(out()).isEqualTo("{\"key\":\"k\",\"from\":\"NAM\",\"to\":\"EUR\","
        + "\"outcome\":\"MOVED\",\"state\":\"SOURCE_CLEANED\",\"version\":2,\"bytes\":3000,"
        + "\"verified\":true}\n");
    assertThat(err()).contains("verification passed");
    assertThat(files("geos/NAM")).isEmpty();
    // the copy's staged record is gone once the move is complete
    assertThat(files("geos/EUR")).extracting(p -> p.getFileName().toString())
        .noneMatch(name -> name.endsWith(".move"));
    assertThat(run(store("get", "--tenant", "t", "--key", "k"))).isZero();
    assertThat(out.toByteArray()).isEqualTo(content);
    assertThat(run(store("move", "--tenant", "t", "--to", "EUR"))).isZero();
    assertThat(out()).contains("\"outcome\":\"ALREADY_IN_TARGET\"");
    assertThat(run(store("audit", "--tenant", "t"))).isZero();
    assertThat(out()).contains("\"activity\":\"GeoMove\"");
  }

  @Test
  void badArguments_mapToTheExitCodesOfTheContract() throws IOException {
    assertThat(run(store("init", "--geos", "NAM,XYZ"))).isEqualTo(ExitCodes.USAGE);
    assertThat(err()).contains("XYZ");
    assertThat(run(store("init", "--write-quorum", "4"))).isEqualTo(ExitCodes.USAGE);
    assertThat(run(store("list", "--tenant", "t"))).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(run(store("init"))).isZero();
    assertThat(run(store("get", "--tenant", "t", "--key", "nope"))).isEqualTo(ExitCodes.DATA_ERROR);
    assertThat(run(store("put", "--tenant", "no/slash", "--key", "k", "--file", "x")))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(run(store("put", "--tenant", "t", "--key", "k", "--file",
        tmp.resolve("missing").toString()))).isEqualTo(ExitCodes.NO_INPUT);
    assertThat(run(store("put", "--tenant", "t", "--key", "k", "--geo", "JPN", "--file",
        file("f", new byte[1]).toString()))).isEqualTo(ExitCodes.USAGE);
    assertThat(run(store("delete", "--tenant", "t", "--key", "nope"))).isZero();
    assertThat(err()).contains("tenantry: warning:");
    assertThat(run("store")).isEqualTo(ExitCodes.USAGE);
  }
}
