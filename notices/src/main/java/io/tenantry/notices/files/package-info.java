/**
 * The YAML file formats of the notices module ({@code messages.yaml}, {@code incidents.yaml},
 * {@code subs.yaml}), read with {@link io.tenantry.core.yaml.YamlDocument}: a malformed file is
 * refused listing every problem with its line.
 */
package io.tenantry.notices.files;
