package io.tenantry.reports;

import io.tenantry.reports.input.Platform;

/**
 * The platform classes of the Microsoft 365 Apps reports ({@code graph-reports.md} §3.10):
 * Windows, Mac, Mobile (iOS, Android phone, Windows Phone) and Web. Linux and ChromeOS have no
 * class there: an {@code AppUsed} event on them counts for its app but for no platform column.
 */
public enum AppPlatform {
  /** Windows. */
  WINDOWS,
  /** Mac. */
  MAC,
  /** iOS, Android phone and Windows Phone. */
  MOBILE,
  /** Web. */
  WEB;

  /**
   * Maps an event platform to its class.
   *
   * @param platform the platform, or null
   * @return the class, or null for Linux, ChromeOS and no platform
   */
  public static AppPlatform of(Platform platform) {
    if (platform == null) {
      return null;
    }
    return switch (platform) {
      case WINDOWS -> WINDOWS;
      case MAC -> MAC;
      case IOS, ANDROID_PHONE, WINDOWS_PHONE -> MOBILE;
      case WEB -> WEB;
      case LINUX, CHROME_OS -> null;
    };
  }
}
