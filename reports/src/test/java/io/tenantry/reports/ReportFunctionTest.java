package io.tenantry.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSON names of report columns as {@code graph-reports.md} spells them. */
class ReportFunctionTest {

  @Test
  void jsonName_usedIos_keepsTheLowerCaseI() {
    assertThat(ReportFunction.jsonName("Used iOS")).isEqualTo("usediOS");
    assertThat(ReportFunction.jsonName("Used Windows Phone")).isEqualTo("usedWindowsPhone");
    assertThat(ReportFunction.jsonName("iOS")).isEqualTo("iOS");
    assertThat(ReportFunction.jsonName("Exchange Mailbox Storage Used (Byte)"))
        .isEqualTo("exchangeMailboxStorageUsedInBytes");
  }

  @Test
  void jsonName_deviceUsageDetail_namesEveryPlatformAsDocumented() {
    assertThat(ReportFunction.GET_TEAMS_DEVICE_USAGE_USER_DETAIL.columns().stream()
        .map(c -> ReportFunction.jsonName(c.header())).toList())
        .contains("usedWeb", "usedWindowsPhone", "usediOS", "usedMac", "usedAndroidPhone",
            "usedWindows", "usedChromeOS", "usedLinux", "reportPeriod");
  }
}
