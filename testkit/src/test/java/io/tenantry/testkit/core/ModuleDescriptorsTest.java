package io.tenantry.testkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Black-box check of every Tenantry module on the test class path: each published module has a
 * descriptor, and no descriptor exports an {@code internal} package.
 */
class ModuleDescriptorsTest {

  private static List<ModuleDescriptor> tenantryModules() {
    List<ModuleDescriptor> found = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      boolean ours = p.toString().contains("tenantry-") || p.toString().replace('\\', '/')
          .matches(".*/(core|identity|groups|reports|datastore|notices|testkit)/target/classes");
      boolean hasDescriptor = Files.isDirectory(p) ? Files.exists(p.resolve("module-info.class"))
          : p.toString().endsWith(".jar");
      if (!ours || !hasDescriptor || p.toString().contains("test-classes")) {
        continue;
      }
      for (ModuleReference ref : ModuleFinder.of(p).findAll()) {
        if (ref.descriptor().name().startsWith("io.tenantry")) {
          found.add(ref.descriptor());
        }
      }
    }
    return found;
  }

  @Test
  void descriptors_coreIsPresentAndNamed() {
    assertThat(tenantryModules()).extracting(ModuleDescriptor::name).contains("io.tenantry.core");
  }

  @Test
  void descriptors_neverExportInternalPackages() {
    for (ModuleDescriptor d : tenantryModules()) {
      assertThat(d.exports()).as(d.name())
          .allSatisfy(e -> assertThat(e.source()).doesNotContain(".internal"));
      assertThat(d.isAutomatic()).as(d.name() + " is a named module").isFalse();
    }
  }
}
