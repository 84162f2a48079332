package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link ReportTable}'s primitive columns give back exactly the values a table was built from
 * (equal and of the same class) whatever mix of typed values, blanks, constant runs and values the
 * primitive form cannot hold ({@link Integer}s, durations with nanoseconds, far dates) its rows
 * have, and a cell read without boxing equals the boxed one.
 */
class ReportTablePropertyTest {

  /** A function and its rows. */
  record Case(ReportFunction function, List<List<Object>> rows) {}

  @Property(tries = 200)
  void rows_anyValues_readBackEqualAndOfTheSameClass(@ForAll("cases") Case c) {
    ReportTable table = new ReportTable(c.function(), c.rows());

    assertThat(table.rowCount()).isEqualTo(c.rows().size());
    assertThat(table.rows()).isEqualTo(c.rows());
    for (int r = 0; r < c.rows().size(); r++) {
      for (int k = 0; k < table.columns().size(); k++) {
        Object expected = c.rows().get(r).get(k);
        Object actual = table.value(r, k);
        assertThat(actual).isEqualTo(expected);
        if (expected != null) {
          assertThat(actual).hasSameClassAs(expected);
        }
        if (expected instanceof Long n) {
          assertThat(table.longValue(r, k)).isEqualTo(n);
        }
        if (expected instanceof Boolean b) {
          assertThat(table.booleanValue(r, k)).isEqualTo(b);
        }
        if (expected instanceof LocalDate d) {
          assertThat(table.epochDayValue(r, k)).isEqualTo(d.toEpochDay());
        }
      }
    }
  }

  @Property(tries = 200)
  void set_anyCell_changesOnlyThatCell(@ForAll("cases") Case c, @ForAll("texts") String text) {
    if (c.rows().isEmpty()) {
      return;
    }
    ColumnarRows store = new ColumnarRows(c.function().columns(), 1);
    for (List<Object> row : c.rows()) {
      row.forEach(store::add);
    }
    int r = c.rows().size() / 2;
    int k = c.rows().get(r).size() / 2;
    store.set(r, k, text);
    List<List<Object>> expected = new ArrayList<>();
    for (List<Object> row : c.rows()) {
      expected.add(new ArrayList<>(row));
    }
    expected.get(r).set(k, text);

    assertThat(new ReportTable(c.function(), store, null).rows()).isEqualTo(expected);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().alpha().ofMaxLength(5);
  }

  @Provide
  Arbitrary<Case> cases() {
    return Arbitraries.of(ReportFunction.values()).flatMap(f -> row(f).list().ofMaxSize(12)
        .map(rows -> new Case(f, rows)));
  }

  private static Arbitrary<List<Object>> row(ReportFunction f) {
    List<Arbitrary<Object>> cells = new ArrayList<>();
    for (Column c : f.columns()) {
      cells.add(value(c.type()));
    }
    return Combinators.combine(cells).as(ArrayList::new);
  }

  /** Mostly a value of the type from a small pool (so runs repeat), sometimes an odd one. */
  private static Arbitrary<Object> value(ColumnType type) {
    Arbitrary<Object> typed = switch (type) {
      case COUNT, PERIOD -> Arbitraries.longs().between(-2, 3).map(v -> (Object) v);
      case DURATION -> Arbitraries.longs().between(0, 3).map(v -> (Object) Duration.ofSeconds(v));
      case DATE -> Arbitraries.longs().between(20_000, 20_002)
          .map(v -> (Object) LocalDate.ofEpochDay(v));
      case TRUE_FALSE, YES_NO -> Arbitraries.of(true, false).map(v -> (Object) v);
      case TEXT, PRODUCTS -> Arbitraries.of("", "a", "b+c").map(v -> (Object) v);
      case NOT_MEASURED -> Arbitraries.<Object>just(null);
    };
    Arbitrary<Object> odd = Arbitraries.<Object>of(7, Duration.ofMillis(1500), LocalDate.MAX,
        LocalDate.MIN, "x", Long.MIN_VALUE, Boolean.TRUE).injectNull(0.3);
    return Arbitraries.frequencyOf(Tuple.of(12, typed), Tuple.of(1, odd));
  }
}
