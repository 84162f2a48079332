package io.tenantry.beam;

import io.tenantry.reports.ActivityAggregator;
import io.tenantry.reports.PartialAggregate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.NullableCoder;

/**
 * The accumulator of {@link ActivityCombineFn} and {@link MergeAggregatesFn}: an engine {@link
 * ActivityAggregator} still taking events, plus the {@link PartialAggregate} of everything already
 * built or merged. {@link #flush()} builds the open aggregator and merges it in, so the state is
 * always "the merge of what was added", whatever the grouping.
 *
 * <p>Mutable and not thread-safe, as Beam accumulators are; Beam hands each one to one thread.
 * Encoded (see {@link #coder()}) as its flushed aggregate, or null when nothing was added.
 */
public final class AggregateAccumulator {
  ActivityAggregator open;
  private PartialAggregate done;

  AggregateAccumulator() {}

  AggregateAccumulator(PartialAggregate done) {
    this.done = done;
  }

  /**
   * Merges an aggregate into the accumulator.
   *
   * @param p the aggregate, or null for nothing
   */
  void add(PartialAggregate p) {
    if (p != null) {
      flush();
      done = done == null ? p : done.merge(p);
    }
  }

  /**
   * Builds the open aggregator (if any), merges it in and returns the whole state.
   *
   * @return the aggregate of everything added, or null when nothing was
   */
  PartialAggregate flush() {
    if (open != null) {
      PartialAggregate built = open.build();
      open = null;
      done = done == null ? built : done.merge(built);
    }
    return done;
  }

  /**
   * Returns the accumulator's coder: its flushed aggregate, nullable.
   *
   * @return the coder
   */
  public static Coder<AggregateAccumulator> coder() {
    return AccumulatorCoder.INSTANCE;
  }

  /** Encodes an accumulator as its flushed aggregate. */
  static final class AccumulatorCoder extends AtomicCoder<AggregateAccumulator> {
    private static final long serialVersionUID = 1L;
    static final AccumulatorCoder INSTANCE = new AccumulatorCoder();
    private static final Coder<PartialAggregate> INNER =
        NullableCoder.of(PartialAggregateCoder.of());

    @Override
    public void encode(AggregateAccumulator value, OutputStream out) throws IOException {
      INNER.encode(value.flush(), out);
    }

    @Override
    public AggregateAccumulator decode(InputStream in) throws IOException {
      return new AggregateAccumulator(INNER.decode(in));
    }

    @Override
    public void verifyDeterministic() {
      // deterministic: the flushed aggregate's canonical bytes
    }

    private Object readResolve() {
      return INSTANCE;
    }
  }
}
