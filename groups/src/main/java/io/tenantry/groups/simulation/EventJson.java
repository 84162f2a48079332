package io.tenantry.groups.simulation;

import io.tenantry.groups.LifecycleEvent;
import java.util.List;

/**
 * Renders a {@link LifecycleEvent} as one line of JSON, with exactly the keys {@code cli.md}
 * documents, in this order: {@code date}, {@code group}, {@code event}, then {@code reason} (on
 * {@code Renewed} and {@code SoftDeleted}), {@code daysBefore} and {@code to} (on {@code
 * ExpiryNotificationSent}), {@code expiresOn} (on {@code Renewed}, {@code Restored} of a managed
 * group and {@code ExpiryNotificationSent}). Keys that do not apply are absent.
 */
public final class EventJson {
  private EventJson() {}

  /**
   * Renders an event.
   *
   * @param event the event
   * @return a compact JSON object, without a line break
   */
  public static String line(LifecycleEvent event) {
    StringBuilder sb = new StringBuilder(96).append('{');
    field(sb, "date", event.date().toString());
    sb.append(',');
    field(sb, "group", event.group().value());
    sb.append(',');
    field(sb, "event", event.name());
    if (event instanceof LifecycleEvent.Renewed r) {
      sb.append(',');
      field(sb, "reason", r.reason().fileName());
      sb.append(',');
      field(sb, "expiresOn", r.expiresOn().toString());
    } else if (event instanceof LifecycleEvent.SoftDeleted d) {
      sb.append(',');
      field(sb, "reason", d.reason().fileName());
    } else if (event instanceof LifecycleEvent.ExpiryNotificationSent n) {
      sb.append(",\"daysBefore\":").append(n.daysBefore()).append(",\"to\":");
      array(sb, n.to());
      sb.append(',');
      field(sb, "expiresOn", n.expiresOn().toString());
    } else if (event instanceof LifecycleEvent.Restored r && r.expiresOn() != null) {
      sb.append(',');
      field(sb, "expiresOn", r.expiresOn().toString());
    }
    return sb.append('}').toString();
  }

  private static void field(StringBuilder sb, String key, String value) {
    string(sb, key);
    sb.append(':');
    string(sb, value);
  }

  private static void array(StringBuilder sb, List<String> values) {
    sb.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      string(sb, values.get(i));
    }
    sb.append(']');
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
