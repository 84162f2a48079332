package io.tenantry.beam;

import io.tenantry.reports.PartialAggregate;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.coders.CoderException;

/**
 * The Beam {@link org.apache.beam.sdk.coders.Coder} of a {@link PartialAggregate}: its own compact
 * binary form ({@link PartialAggregate#toBytes()} / {@link PartialAggregate#fromBytes}), written
 * with a length prefix so it nests inside other coders ({@code KvCoder}, accumulators).
 *
 * <p>Deterministic: equal aggregates encode to equal bytes, so the coder may encode keys. Stateless
 * and thread-safe; use the singleton {@link #of()}.
 */
public final class PartialAggregateCoder extends AtomicCoder<PartialAggregate> {
  private static final long serialVersionUID = 1L;
  private static final PartialAggregateCoder INSTANCE = new PartialAggregateCoder();
  private static final ByteArrayCoder BYTES = ByteArrayCoder.of();

  private PartialAggregateCoder() {}

  /**
   * Returns the coder.
   *
   * @return the singleton
   */
  public static PartialAggregateCoder of() {
    return INSTANCE;
  }

  /**
   * Writes the aggregate's bytes, length-prefixed.
   *
   * @param value the aggregate
   * @param out the stream
   * @throws IOException if writing fails
   * @throws CoderException if the value is null
   */
  @Override
  public void encode(PartialAggregate value, OutputStream out) throws IOException {
    if (value == null) {
      throw new CoderException("cannot encode a null PartialAggregate");
    }
    BYTES.encode(value.toBytes(), out);
  }

  /**
   * Reads an aggregate written by {@link #encode}.
   *
   * @param in the stream
   * @return the aggregate
   * @throws IOException if reading fails
   * @throws CoderException if the bytes are not a partial aggregate
   */
  @Override
  public PartialAggregate decode(InputStream in) throws IOException {
    byte[] bytes = BYTES.decode(in);
    try {
      return PartialAggregate.fromBytes(bytes);
    } catch (IllegalArgumentException e) {
      throw new CoderException("cannot decode a PartialAggregate: " + e.getMessage(), e);
    }
  }

  /** The encoding is canonical: {@link PartialAggregate#toBytes()} depends only on content. */
  @Override
  public void verifyDeterministic() {
    // deterministic by construction
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
