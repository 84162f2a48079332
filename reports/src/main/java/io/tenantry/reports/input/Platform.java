package io.tenantry.reports.input;

import java.util.Optional;

/** The {@code platform} of an event ({@code activity-events.md} §3). */
public enum Platform {
  /** Windows desktop. */
  WINDOWS("Windows"),
  /** macOS desktop. */
  MAC("Mac"),
  /** Linux desktop. */
  LINUX("Linux"),
  /** ChromeOS desktop. */
  CHROME_OS("ChromeOS"),
  /** A web browser. */
  WEB("Web"),
  /** iOS mobile. */
  IOS("iOS"),
  /** Android phone. */
  ANDROID_PHONE("AndroidPhone"),
  /** Windows Phone (deprecated, counted as given). */
  WINDOWS_PHONE("WindowsPhone");

  private final String wireName;

  Platform(String wireName) {
    this.wireName = wireName;
  }

  /**
   * Returns the name used in {@code events.jsonl}.
   *
   * @return the wire name, e.g. {@code AndroidPhone}
   */
  public String wireName() {
    return wireName;
  }

  /**
   * Tells whether this is a desktop platform (Windows, Mac, Linux, ChromeOS).
   *
   * @return true for the four desktop operating systems
   */
  public boolean isDesktop() {
    return this == WINDOWS || this == MAC || this == LINUX || this == CHROME_OS;
  }

  /**
   * Tells whether this is a mobile platform (iOS, Android phone, Windows Phone).
   *
   * @return true for the three mobile platforms
   */
  public boolean isMobile() {
    return this == IOS || this == ANDROID_PHONE || this == WINDOWS_PHONE;
  }

  /**
   * Finds a platform by its exact (case-sensitive) wire name.
   *
   * @param wireName the value of the {@code platform} field
   * @return the platform, or empty when unknown
   */
  public static Optional<Platform> fromWireName(String wireName) {
    for (Platform p : values()) {
      if (p.wireName.equals(wireName)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
