package io.tenantry.beam;

import io.tenantry.reports.input.Activity;
import io.tenantry.reports.input.ActivityEvent;
import io.tenantry.reports.input.App;
import io.tenantry.reports.input.MeetingType;
import io.tenantry.reports.input.Platform;
import io.tenantry.reports.input.Workload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.Coder;
import org.apache.beam.sdk.coders.CoderException;
import org.apache.beam.sdk.coders.NullableCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.util.VarInt;

/**
 * The Beam coder of an {@link ActivityEvent}: variable-length integers for the user index, day,
 * counts and seconds, enum positions for workload, activity, platform, meeting type and app (so
 * every worker must run the same Tenantry version), nullable UTF-8 strings for group, file and
 * site. Deterministic; stateless and thread-safe.
 */
public final class ActivityEventCoder extends AtomicCoder<ActivityEvent> {
  private static final long serialVersionUID = 1L;
  private static final ActivityEventCoder INSTANCE = new ActivityEventCoder();
  private static final Coder<String> TEXT = NullableCoder.of(StringUtf8Coder.of());

  private ActivityEventCoder() {}

  /**
   * Returns the coder.
   *
   * @return the singleton
   */
  public static ActivityEventCoder of() {
    return INSTANCE;
  }

  private static void writeEnum(Enum<?> e, OutputStream out) throws IOException {
    VarInt.encode(e == null ? 0 : e.ordinal() + 1, out);
  }

  private static <E> E readEnum(E[] values, InputStream in) throws IOException {
    int k = VarInt.decodeInt(in);
    if (k < 0 || k > values.length) {
      throw new CoderException("enum position out of range: " + k);
    }
    return k == 0 ? null : values[k - 1];
  }

  /**
   * Writes an event.
   *
   * @param e the event
   * @param out the stream
   * @throws IOException if writing fails
   * @throws CoderException if the event is null
   */
  @Override
  public void encode(ActivityEvent e, OutputStream out) throws IOException {
    if (e == null) {
      throw new CoderException("cannot encode a null ActivityEvent");
    }
    VarInt.encode(e.user(), out);
    VarInt.encode(e.day().toEpochDay(), out);
    writeEnum(e.workload(), out);
    writeEnum(e.activity(), out);
    VarInt.encode(e.count(), out);
    writeEnum(e.platform(), out);
    writeEnum(e.meetingType(), out);
    VarInt.encode(e.audioSeconds(), out);
    VarInt.encode(e.videoSeconds(), out);
    VarInt.encode(e.screenShareSeconds(), out);
    writeEnum(e.app(), out);
    TEXT.encode(e.group(), out);
    TEXT.encode(e.file(), out);
    TEXT.encode(e.site(), out);
    VarInt.encode(e.line(), out);
  }

  /**
   * Reads an event written by {@link #encode}.
   *
   * @param in the stream
   * @return the event
   * @throws IOException if reading fails
   * @throws CoderException if the bytes are not a valid event
   */
  @Override
  public ActivityEvent decode(InputStream in) throws IOException {
    int user = VarInt.decodeInt(in);
    LocalDate day = LocalDate.ofEpochDay(VarInt.decodeLong(in));
    Workload workload = readEnum(Workload.values(), in);
    Activity activity = readEnum(Activity.values(), in);
    long count = VarInt.decodeLong(in);
    Platform platform = readEnum(Platform.values(), in);
    MeetingType meetingType = readEnum(MeetingType.values(), in);
    long audio = VarInt.decodeLong(in);
    long video = VarInt.decodeLong(in);
    long screen = VarInt.decodeLong(in);
    App app = readEnum(App.values(), in);
    String group = TEXT.decode(in);
    String file = TEXT.decode(in);
    String site = TEXT.decode(in);
    int line = VarInt.decodeInt(in);
    try {
      return new ActivityEvent(user, day, workload, activity, count, platform, meetingType, audio,
          video, screen, app, group, file, site, line);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new CoderException("not a valid ActivityEvent: " + e.getMessage(), e);
    }
  }

  /** The encoding depends only on the event's components. */
  @Override
  public void verifyDeterministic() {
    // deterministic by construction
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
