package io.tenantry.reports.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.reports.input.Workload;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the service-desk trends on random tickets. */
class ServiceDeskPropertyTest {

  @Property(tries = 100)
  void segments_splitAllTickets_andRatesStayWithinZeroToOne(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 200) int count) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Workload w = Workload.values()[rnd.nextInt(Workload.values().length)];
      Integer hours = rnd.nextInt(4) == 0 ? null : rnd.nextInt(0, 200);
      tickets.add(new Ticket(ServiceDeskTrendsTest.T, "t" + i, w, rnd.nextInt(5),
          ServiceDeskTrendsTest.at(ServiceDeskTrendsTest.R.minusDays(rnd.nextInt(0, 120)), 8),
          null, 1 + rnd.nextInt(5), rnd.nextBoolean()
              ? ServiceDeskTrendsTest.R.minusDays(rnd.nextInt(0, 150)) : null, 0));
      if (hours != null) {
        Ticket t = tickets.remove(tickets.size() - 1);
        tickets.add(new Ticket(t.tenant(), t.id(), t.workload(), t.user(), t.opened(),
            t.opened().plusSeconds(3600L * hours), t.tier(), t.migrationDate(), 0));
      }
    }

    ServiceDeskReport r = ServiceDeskTrends.start(ServiceDeskTrendsTest.T,
        ServiceDeskTrendsTest.directory(5), new ServiceDeskTrends.Options(
            ServiceDeskTrendsTest.R, 8, 3.5)).finish(tickets);

    for (WeeklyTrend all : r.trends()) {
      if (all.segment() != Segment.ALL) {
        continue;
      }
      int split = r.trends().stream().filter(t -> t.weekEnd().equals(all.weekEnd())
          && t.workload() == all.workload() && t.segment() != Segment.ALL)
          .mapToInt(WeeklyTrend::tickets).sum();
      assertThat(split).isEqualTo(all.tickets());
    }
    for (WeeklyTrend t : r.trends()) {
      BigDecimal previous = BigDecimal.ONE;
      for (BigDecimal rate : t.escalationRates()) {
        if (rate != null) {
          assertThat(rate).isBetween(BigDecimal.ZERO, previous);
          previous = rate;
        }
      }
      if (t.medianHoursToResolve() != null) {
        assertThat(t.medianHoursToResolve()).isLessThanOrEqualTo(t.p90HoursToResolve());
      }
    }
    for (Spike s : r.spikes()) {
      if (s.robustZ() != null) {
        assertThat(s.robustZ()).isGreaterThanOrEqualTo(new BigDecimal("3.49"));
      } else {
        assertThat(s.value()).isGreaterThan(s.baselineMedian());
      }
    }
  }
}
