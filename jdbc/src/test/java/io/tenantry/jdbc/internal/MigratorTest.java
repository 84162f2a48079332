package io.tenantry.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The migrator's bookkeeping with gaps in the numbering: version ranges are reserved for work done
 * in parallel, so a build may hold 1, 2, 10 and meet a database migrated by a build that had 1, 10.
 */
class MigratorTest {
  private static final List<Migration> WITH_GAP = List.of(new Migration(1, "a"),
      new Migration(2, "b"), new Migration(10, "c"));

  /** Applied versions as the migrator reads them: each with its description. */
  private static SortedMap<Integer, String> applied(int... versions) {
    TreeMap<Integer, String> out = new TreeMap<>();
    for (int v : versions) {
      out.put(v, "m" + v);
    }
    return out;
  }

  @Test
  void requireIncreasing_gapsInTheNumbering_areAccepted() {
    assertThat(Migrator.requireIncreasing(WITH_GAP)).isSameAs(WITH_GAP);
  }

  @Test
  void requireIncreasing_versionOutOfOrderOrRepeated_isRefusedByName() {
    assertThatThrownBy(() -> Migrator.requireIncreasing(List.of(new Migration(2, "b"),
        new Migration(1, "a")))).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("V0001__a.sql").hasMessageContaining("V0002__b.sql");
    assertThatThrownBy(() -> Migrator.requireIncreasing(List.of(new Migration(3, "b"),
        new Migration(3, "c")))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void pending_freshDatabase_isEveryMigration() {
    assertThat(Migrator.pending(applied(), WITH_GAP)).isEqualTo(WITH_GAP);
  }

  @Test
  void pending_databaseWithALaterVersion_appliesTheOnesInTheGap() {
    assertThat(Migrator.pending(applied(1, 10), WITH_GAP)).extracting(Migration::version)
        .containsExactly(2);
    assertThat(Migrator.pending(applied(1, 2, 10), WITH_GAP)).isEmpty();
  }

  @Test
  void pending_appliedVersionInAGapThisBuildDoesNotKnow_isRefused() {
    assertThatThrownBy(() -> Migrator.pending(applied(1, 5), WITH_GAP))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("migration 5 (m5)");
  }

  @Test
  void pending_appliedVersionNewerThanTheLatest_isRefused() {
    assertThatThrownBy(() -> Migrator.pending(applied(1, 11), WITH_GAP))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("version 11");
  }

  @Test
  void migrations_ofThisBuild_strictlyIncrease() {
    assertThat(Migrator.requireIncreasing(Migrator.MIGRATIONS)).isNotEmpty();
  }
}
