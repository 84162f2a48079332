package io.tenantry.reports.internal;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/** Variable-length (LEB128) encoding of non-negative longs and zig-zag encoding of signed ones. */
public final class VarInts {
  private VarInts() {}

  /**
   * Writes a non-negative value in 1 to 10 bytes.
   *
   * @param out the output
   * @param value the value (treated as unsigned)
   * @throws IOException if writing fails
   */
  public static void write(DataOutput out, long value) throws IOException {
    while ((value & ~0x7FL) != 0) {
      out.writeByte((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.writeByte((int) value);
  }

  /**
   * Reads a value written by {@link #write}.
   *
   * @param in the input
   * @return the value
   * @throws IOException if reading fails or the encoding is too long
   */
  public static long read(DataInput in) throws IOException {
    long value = 0;
    for (int shift = 0; shift < 70; shift += 7) {
      int b = in.readUnsignedByte();
      value |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new IOException("malformed variable-length integer");
  }

  /**
   * Writes a signed value zig-zag encoded.
   *
   * @param out the output
   * @param value the value
   * @throws IOException if writing fails
   */
  public static void writeSigned(DataOutput out, long value) throws IOException {
    write(out, (value << 1) ^ (value >> 63));
  }

  /**
   * Reads a value written by {@link #writeSigned}.
   *
   * @param in the input
   * @return the value
   * @throws IOException if reading fails
   */
  public static long readSigned(DataInput in) throws IOException {
    long v = read(in);
    return (v >>> 1) ^ -(v & 1);
  }
}
