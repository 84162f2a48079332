/**
 * YAML input for every Tenantry file format: {@link io.tenantry.core.yaml.YamlDocument} parses a
 * file as YAML 1.2 into {@link io.tenantry.core.yaml.YamlNode}s that know their line and field
 * path, and record every problem with its location.
 */
package io.tenantry.core.yaml;
