package io.tenantry.reports.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventLineTest {

  private static boolean scan(EventLine line, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return line.scan(b, 0, b.length);
  }

  @Test
  void scan_flatLine_readsFieldsInPlace() {
    EventLine line = new EventLine();
    assertThat(scan(line, " {\"user\":\"u\\u0031\", \"date\":\"2026-06-01\",\"workload\":\"Teams\","
        + "\"activity\":\"Call\",\"count\":12,\"audioSeconds\":1.5,\"platform\":null,"
        + "\"file\":\"Ünï😀\",\"tenant\":true,\"x\":false} ")).isTrue();
    assertThat(line.text(EventLine.USER)).isEqualTo("u1");
    assertThat(line.isPlain(EventLine.USER)).isFalse();
    assertThat(line.isPlain(EventLine.WORKLOAD)).isTrue();
    assertThat(line.text(EventLine.WORKLOAD)).isEqualTo("Teams");
    assertThat(line.isInt(EventLine.COUNT)).isTrue();
    assertThat(line.text(EventLine.COUNT)).isEqualTo("12");
    assertThat(line.present(EventLine.AUDIO)).isTrue();
    assertThat(line.isInt(EventLine.AUDIO)).isFalse();
    assertThat(line.text(EventLine.AUDIO)).isEqualTo("1.5");
    assertThat(line.present(EventLine.PLATFORM)).isFalse();
    assertThat(line.text(EventLine.FILE)).isEqualTo("Ünï😀");
    assertThat(line.text(EventLine.TENANT)).isEqualTo("true");
    assertThat(line.present(EventLine.TIME)).isFalse();
  }

  @Test
  void scan_shapesLeftToJackson_returnFalse() {
    EventLine line = new EventLine();
    assertThat(scan(line, "{\"user\":\"u1\",\"user\":\"u2\"}")).isFalse();
    assertThat(scan(line, "{\"x\":1,\"x\":null}")).isFalse();
    assertThat(scan(line, "{\"extra\":{\"a\":1}}")).isFalse();
    assertThat(scan(line, "{\"extra\":[1]}")).isFalse();
    assertThat(scan(line, "{\"us\\u0065r\":\"u1\"}")).isFalse();
    assertThat(scan(line, "\uFEFF{}")).isFalse();
    assertThat(scan(line, "{\"count\":01}")).isFalse();
    assertThat(scan(line, "{\"count\":1x}")).isFalse();
    assertThat(scan(line, "{\"a\":\"\u0001\"}")).isFalse();
    assertThat(scan(line, "{} {}")).isFalse();
    byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
    assertThat(line.scan(overlong, 0, overlong.length)).isFalse();
    byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"',
        '}'};
    assertThat(line.scan(surrogate, 0, surrogate.length)).isFalse();
  }
}
