package io.tenantry.testkit.time;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An {@link InstantSource} for tests that only moves when told to: set it, or advance it by a
 * duration or by whole days. Thread-safe.
 */
public final class MutableInstantSource implements InstantSource {
  private final AtomicReference<Instant> now;

  private MutableInstantSource(Instant start) {
    this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
  }

  /**
   * Creates a clock showing the given instant.
   *
   * @param start the first instant the clock shows
   * @return the clock
   */
  public static MutableInstantSource at(Instant start) {
    return new MutableInstantSource(start);
  }

  /**
   * Creates a clock showing midnight UTC at the start of a day.
   *
   * @param day the day
   * @return the clock
   */
  public static MutableInstantSource atStartOf(LocalDate day) {
    return new MutableInstantSource(day.atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  /**
   * Sets the time.
   *
   * @param instant the new time; may be earlier than the current one
   */
  public void set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
  }

  /**
   * Moves the clock forward.
   *
   * @param duration how far; not negative
   * @return the new time
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public Instant advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot advance by a negative duration: " + duration);
    }
    return now.updateAndGet(t -> t.plus(duration));
  }

  /**
   * Moves the clock forward by whole days.
   *
   * @param days how many days; not negative
   * @return the new time
   */
  public Instant advanceDays(long days) {
    return advance(Duration.ofDays(days));
  }

  /**
   * Returns the UTC calendar day the clock shows.
   *
   * @return today's date in UTC
   */
  public LocalDate today() {
    return LocalDate.ofInstant(instant(), ZoneOffset.UTC);
  }
}
