package io.tenantry.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problems;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class YamlDocumentTest {

  @Test
  void parse_yaml12_keepsOnYesAndDatesAsText() {
    YamlNode root = YamlDocument.parse("a.yaml", "flag: on\nanswer: yes\nday: 2026-01-01\nn: 007\n");
    assertThat(root.get("flag").orElseThrow().text()).isEqualTo("on");
    assertThat(root.get("answer").orElseThrow().text()).isEqualTo("yes");
    assertThat(root.get("day").orElseThrow().text()).isEqualTo("2026-01-01");
    Problems p = new Problems();
    assertThat(root.optDate("day", p)).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(root.optInt("n", p)).isEqualTo(7);
    assertThat(p.isEmpty()).isTrue();
  }

  @Test
  void nodes_knowTheirLineAndPath() {
    YamlNode root = YamlDocument.parse("s.yaml",
        "tenants:\n  - id: contoso\n    users:\n      - {id: alice, upn: a@x}\n      - id: bob\n");
    YamlNode bob = root.get("tenants").orElseThrow().elements().get(0).get("users").orElseThrow()
        .elements().get(1);
    assertThat(bob.path()).isEqualTo("tenants[0].users[1]");
    assertThat(bob.line()).isEqualTo(5);
    assertThat(bob.get("id").orElseThrow().location().toString()).isEqualTo("s.yaml:5");
  }

  @Test
  void accessors_recordEveryProblemWithItsLine() {
    YamlNode root = YamlDocument.parse("p.yaml",
        "lifetimeDays: ten\nfrom: 2026-13-01\nbogus: 1\nenabled: yes\nlist: x\n");
    Problems p = new Problems();
    root.allowOnly(p, "lifetimeDays", "from", "enabled", "list", "to");
    assertThat(root.optInt("lifetimeDays", p)).isNull();
    assertThat(root.optDate("from", p)).isNull();
    assertThat(root.requireDate("to", p)).isNull();
    assertThat(root.optBoolean("enabled", p)).isNull();
    assertThat(root.optList("list", p)).isEmpty();
    assertThat(p.list()).extracting(Object::toString).containsExactly(
        "bogus: unknown key 'bogus'; expected one of enabled, from, lifetimeDays, list, to (value 'bogus') (p.yaml:3)",
        "lifetimeDays: must be an integer (value 'ten') (p.yaml:1)",
        "from: is not a valid calendar date (value '2026-13-01') (p.yaml:2)",
        "to: is required (p.yaml:1)",
        "enabled: must be true or false (value 'yes') (p.yaml:4)",
        "list: must be a list, found 'x' (value 'x') (p.yaml:5)");
  }

  @Test
  void parse_malformedYaml_namesFileAndLine() {
    assertThatThrownBy(() -> YamlDocument.parse("bad.yaml", "a: 1\nb: [1, 2\nc: 3\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("bad.yaml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void parse_duplicateKey_refusedWithBothLines() {
    assertThatThrownBy(() -> YamlDocument.parse("d.yaml", "a: 1\nb: 2\na: 3\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("a: is given twice (first on line 1)")
        .hasMessageContaining("d.yaml:3");
  }

  @Test
  void parse_emptyOrNull_givesNullRoot() {
    assertThat(YamlDocument.parse("e.yaml", "").isNull()).isTrue();
    YamlNode root = YamlDocument.parse("n.yaml", "a: ~\nb:\nc: 'null'\n");
    assertThat(root.get("a").orElseThrow().isNull()).isTrue();
    assertThat(root.get("b").orElseThrow().isNull()).isTrue();
    assertThat(root.get("c").orElseThrow().text()).isEqualTo("null");
    assertThat(root.has("a")).isFalse();
  }

  @Test
  void parse_twoDocuments_refused() {
    assertThatThrownBy(() -> YamlDocument.parse("m.yaml", "a: 1\n---\nb: 2\n"))
        .isInstanceOf(ValidationException.class).hasMessageContaining("2 documents");
  }

  @Test
  void stringList_andMapCheck() {
    YamlNode root = YamlDocument.parse("l.yaml", "ids: [g1, g2, {x: 1}]\n");
    Problems p = new Problems();
    assertThat(root.optStringList("ids", p)).containsExactly("g1", "g2");
    assertThat(p.list()).singleElement().asString().contains("ids[2]: must be a single value");
    assertThat(root.get("ids").orElseThrow().expectMap(p)).isFalse();
  }

  @Test
  void parse_emojiAcrossTheParsersReadBuffer_isReadWhole() {
    // snakeyaml-engine 2.10 reads 1,024 characters at a time and failed when a surrogate pair straddled the end
    String emoji = "\uD83D\uDE00".repeat(1500);
    for (int pad = 0; pad < 8; pad++) {
      String text = "a: " + "x".repeat(pad) + "\nv: '" + emoji + "'\n";
      assertThat(YamlDocument.parse("e.yaml", text).get("v").orElseThrow().text()).isEqualTo(emoji);
    }
  }

  @Test
  void parse_nestingUpToTheLimit_isRead() {
    String flow = "a: " + "[".repeat(YamlDocument.MAX_NESTING - 1) + "x" + "]".repeat(YamlDocument.MAX_NESTING - 1);
    assertThat(YamlDocument.parse("n.yaml", flow).has("a")).isTrue();
  }

  @Test
  void parse_nestingBeyondTheLimit_isAProblemWithItsLine() {
    String flow = "a: 1\nb: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n";
    assertThatThrownBy(() -> YamlDocument.parse("deep.yaml", flow)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("deep.yaml:2").hasMessageContaining("more than " + YamlDocument.MAX_NESTING);
    StringBuilder block = new StringBuilder("a:\n");
    for (int i = 0; i < 3000; i++) {
      block.append("  ".repeat(i)).append("- \n");
    }
    assertThatThrownBy(() -> YamlDocument.parse("block.yaml", block.toString()))
        .isInstanceOf(ValidationException.class).hasMessageContaining("block.yaml:");
  }

  @Test
  void readText_bytesThatAreNotUtf8_areAProblemWithTheirLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path f = dir.resolve("latin1.yaml");
    java.nio.file.Files.write(f, new byte[] {'a', ':', ' ', '1', '\n', 'b', ':', ' ', (byte) 0xFF, '\n'});
    assertThatThrownBy(() -> YamlDocument.parse(f)).isInstanceOf(ValidationException.class)
        .hasMessageContaining("latin1.yaml:2").hasMessageContaining("not UTF-8");
    java.nio.file.Files.writeString(f, "v: '\uD83D\uDE00 ä'\n", java.nio.charset.StandardCharsets.UTF_8);
    assertThat(YamlDocument.parse(f).get("v").orElseThrow().text()).isEqualTo("\uD83D\uDE00 ä");
  }
}
