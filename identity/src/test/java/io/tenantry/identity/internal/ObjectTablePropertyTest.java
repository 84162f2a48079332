package io.tenantry.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The packed object table against the arrays it was built from: every id finds its own record,
 * with its object index, kind, flags and entries; ids it does not hold are not found. Ids mix
 * Latin-1, other BMP characters and surrogate pairs, of every length modulo the packing widths,
 * and some tables hold records of very different sizes, so some records are larger than the
 * tenant's cell and lie after the cells, behind a stub.
 */
class ObjectTablePropertyTest {

  @Property(tries = 200)
  void everyId_findsItsOwnRecord(@ForAll("ids") List<String> ids, @ForAll @IntRange(max = 9) int maxEntries,
      @ForAll long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    int n = ids.size();
    String[] idArray = ids.toArray(String[]::new);
    byte[] kind = new byte[n];
    byte[] flags = new byte[n];
    int[] entryAt = new int[n + 1];
    for (int o = 0; o < n; o++) {
      kind[o] = (byte) random.nextInt(4);
      flags[o] = (byte) random.nextInt(256);
      // a few objects with many entries get records larger than a cell
      int count = random.nextInt(20) == 0 ? 40 + random.nextInt(40) : random.nextInt(maxEntries + 1);
      entryAt[o + 1] = entryAt[o] + count;
    }
    int m = entryAt[n];
    int[] assignment = new int[m];
    int[] roleScope = new int[m];
    int[] ref = new int[m];
    for (int k = 0; k < m; k++) {
      assignment[k] = random.nextInt(1 << 20);
      roleScope[k] = random.nextInt(1 << 12) << 2 | random.nextInt(3);
      ref[k] = random.nextInt(1 << 20);
    }

    ObjectTable table = new ObjectTable(new IdIndex(idArray), idArray, kind, flags, entryAt, assignment,
        roleScope, ref);

    for (int o = 0; o < n; o++) {
      // a copy, so the lookup compares characters rather than the same string object
      int r = table.find(new String(idArray[o].toCharArray()));
      assertThat(r).as("record of %s", idArray[o]).isGreaterThanOrEqualTo(0);
      assertThat(table.object(r)).isEqualTo(o);
      assertThat(table.kind(r)).isEqualTo(kind[o] & 0xFF);
      assertThat(table.flags(r)).isEqualTo(flags[o] & 0xFF);
      assertThat((table.entriesEnd(r) - table.entries(r)) / ObjectTable.ENTRY)
          .isEqualTo(entryAt[o + 1] - entryAt[o]);
      for (int k = entryAt[o], e = table.entries(r); k < entryAt[o + 1]; k++, e += ObjectTable.ENTRY) {
        assertThat(table.assignment(e)).isEqualTo(assignment[k]);
        assertThat(table.role(e)).isEqualTo(roleScope[k] >>> 2);
        assertThat(table.scope(e)).isEqualTo(roleScope[k] & 3);
        assertThat(table.ref(e)).isEqualTo(ref[k]);
      }
    }
    Set<String> held = Set.copyOf(ids);
    for (String id : ids) {
      for (String other : List.of(id + "x", id.substring(0, id.length() - 1), "\u00e9" + id)) {
        if (!held.contains(other)) {
          assertThat(table.find(other)).as("lookup of %s", other).isEqualTo(-1);
        }
      }
    }
    assertThat(table.find(null)).isEqualTo(-1);
  }

  @Test
  void latin1Record_neverMatchesAnIdWithAWideCharThatPacksTheSame() {
    // ids compare a packed int at a time: p, U+01xx, c packs like p, U+00xx, (c | 1), so the
    // comparison must also refuse a char over 0xFF against a Latin-1 record. Such a pair's hashes
    // rarely share a tag, so the record is compared with the id directly, at every position.
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (int k = 0; k < 2_000; k++) {
      char[] held = new char[2 + random.nextInt(12)];
      for (int i = 0; i < held.length; i++) {
        held[i] = (char) random.nextInt(256);
      }
      int at = random.nextInt(held.length);
      if (at + 1 < held.length) {
        held[at + 1] |= 1; // the next char's low bit, which the wide char's bit 8 spills into
      }
      // (a wide last char of an int, or of the id, spills past the int: it packs alike too)
      char[] wide = held.clone();
      wide[at] += 0x100;
      String[] ids = {new String(held)};
      ObjectTable table = new ObjectTable(new IdIndex(ids), ids, new byte[1], new byte[1], new int[2],
          new int[0], new int[0], new int[0]);
      int r = table.find(new String(held));
      assertThat(r).isGreaterThanOrEqualTo(0);
      assertThat(ObjectTable.matches(table.records(), r, new String(held))).isTrue();
      assertThat(ObjectTable.matches(table.records(), r, new String(wide)))
          .as("%s against the record of %s", new String(wide), new String(held)).isFalse();
    }
  }

  @Test
  void duplicateId_laterIndexWins() {
    String[] ids = {"a", "b", "a"};
    ObjectTable table = new ObjectTable(new IdIndex(ids), ids, new byte[3], new byte[3], new int[4],
        new int[0], new int[0], new int[0]);

    assertThat(table.object(table.find("a"))).isEqualTo(2);
    assertThat(table.object(table.find("b"))).isEqualTo(1);
  }

  @Test
  void idsOfEqualHashCodes_eachFindTheirOwnRecord() {
    // "Aa" and "BB" have the same String.hashCode, so every id here has one home cell and one tag
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      StringBuilder id = new StringBuilder();
      for (int bit = 0; bit < 6; bit++) {
        id.append((i >>> bit & 1) == 0 ? "Aa" : "BB");
      }
      ids.add(id.toString());
    }
    assertThat(ids.stream().mapToInt(String::hashCode).distinct().count()).isEqualTo(1);
    String[] idArray = ids.toArray(String[]::new);
    int n = idArray.length;
    int[] entryAt = new int[n + 1];
    for (int o = 0; o < n; o++) {
      entryAt[o + 1] = entryAt[o] + o % 3;
    }
    int[] entries = new int[entryAt[n]];
    ObjectTable table = new ObjectTable(new IdIndex(idArray), idArray, new byte[n], new byte[n], entryAt,
        entries, entries, entries);

    for (int o = 0; o < n; o++) {
      int r = table.find(new String(idArray[o].toCharArray()));
      assertThat(table.object(r)).as(idArray[o]).isEqualTo(o);
      assertThat(table.entriesEnd(r) - table.entries(r)).isEqualTo(ObjectTable.ENTRY * (o % 3));
    }
    assertThat(table.find("AaAaAaAaAaAA")).isEqualTo(-1);
    assertThat(table.find("AaAaAaAaAaAaAa")).isEqualTo(-1);
  }

  @Test
  void wideRecords_anIdOrAnEntryCountOver65535_areReadBack() {
    String longId = "x".repeat(70_000);
    String[] ids = {"a", longId, "b"};
    int[] entryAt = {0, 1, 2, 2 + 70_000};
    int m = entryAt[3];
    int[] assignment = new int[m];
    int[] roleScope = new int[m];
    int[] ref = new int[m];
    for (int k = 0; k < m; k++) {
      assignment[k] = k;
      roleScope[k] = (k % 50) << 2 | k % 3;
      ref[k] = -k;
    }
    ObjectTable table = new ObjectTable(new IdIndex(ids), ids, new byte[] {0, 1, 2}, new byte[] {1, 2, 3},
        entryAt, assignment, roleScope, ref);

    for (int o = 0; o < ids.length; o++) {
      int r = table.find(new String(ids[o].toCharArray()));
      assertThat(table.object(r)).isEqualTo(o);
      assertThat(table.kind(r)).isEqualTo(o);
      assertThat(table.flags(r)).isEqualTo(o + 1);
      assertThat((table.entriesEnd(r) - table.entries(r)) / ObjectTable.ENTRY).isEqualTo(entryAt[o + 1] - entryAt[o]);
      for (int k = entryAt[o], e = table.entries(r); k < entryAt[o + 1]; k++, e += ObjectTable.ENTRY) {
        assertThat(table.assignment(e)).isEqualTo(k);
        assertThat(table.role(e)).isEqualTo(k % 50);
        assertThat(table.scope(e)).isEqualTo(k % 3);
        assertThat(table.ref(e)).isEqualTo(-k);
      }
    }
    assertThat(table.find("x".repeat(69_999))).isEqualTo(-1);
  }

  @Test
  void emptyTable_findsNothing() {
    String[] ids = {};
    ObjectTable table = new ObjectTable(new IdIndex(ids), ids, new byte[0], new byte[0], new int[1],
        new int[0], new int[0], new int[0]);

    assertThat(table.find("a")).isEqualTo(-1);
    assertThat(table.find("")).isEqualTo(-1);
  }

  @Provide
  Arbitrary<List<String>> ids() {
    Arbitrary<Character> chars = Arbitraries.oneOf(
        Arbitraries.chars().range('a', 'z'),
        Arbitraries.chars().range('\u00a0', '\u00ff'),
        Arbitraries.chars().range('\u0100', '\u9fff'));
    Arbitrary<String> plain = chars.list().ofMinSize(1).ofMaxSize(41)
        .map(cs -> cs.stream().map(String::valueOf).reduce("", String::concat));
    Arbitrary<String> withEmoji = plain.map(s -> s + "\ud83d\ude00");
    return Arbitraries.oneOf(plain, plain, withEmoji).list().ofMinSize(1).ofMaxSize(600)
        .map(list -> new ArrayList<>(new LinkedHashSet<>(list)));
  }
}
