package io.tenantry.groups.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tenantry.groups.LifecycleEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every golden simulation under {@code src/test/resources/simulate} gives its JSON lines. */
class SimulationGoldenTest {
  static final Path GOLDEN = Path.of("src", "test", "resources", "simulate");

  static Stream<Path> goldenInputs() throws IOException {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files.filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> Files.exists(jsonl(p))).sorted().toList().stream();
    }
  }

  static Path jsonl(Path yaml) {
    String name = yaml.getFileName().toString();
    return yaml.resolveSibling(name.replaceFirst("\\.yaml$", ".jsonl"));
  }

  @ParameterizedTest
  @MethodSource("goldenInputs")
  void run_goldenFile_givesItsJsonLines(Path yaml) throws IOException {
    Simulation.Result result = Simulation.run(SimulationReader.read(yaml));

    String lines = result.events().stream().map(EventJson::line)
        .collect(Collectors.joining("\n", "", "\n"));
    assertThat(lines).isEqualTo(Files.readString(jsonl(yaml), StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("goldenInputs")
  void run_sameFileTwice_givesTheSameEvents(Path yaml) throws IOException {
    java.util.List<LifecycleEvent> first = Simulation.run(SimulationReader.read(yaml)).events();

    assertThat(Simulation.run(SimulationReader.read(yaml)).events()).isEqualTo(first);
  }
}
