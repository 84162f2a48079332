package io.tenantry.groups;

import java.util.Arrays;
import java.util.Optional;

/** Which Microsoft 365 groups the expiration policy manages (Graph {@code managedGroupTypes}). */
public enum ManagedGroupTypes {
  /** Every Microsoft 365 group. */
  ALL("All"),
  /** The listed Microsoft 365 groups (at most 500). */
  SELECTED("Selected"),
  /** None: expiration is off for every group. */
  NONE("None");

  private final String fileName;

  ManagedGroupTypes(String fileName) {
    this.fileName = fileName;
  }

  /**
   * Returns the external name ({@code All}, {@code Selected}, {@code None}).
   *
   * @return the name
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Finds a value by its external name, exactly as spelled.
   *
   * @param name the name
   * @return the value, or empty when unknown
   */
  public static Optional<ManagedGroupTypes> fromFileName(String name) {
    return Arrays.stream(values()).filter(v -> v.fileName.equals(name)).findFirst();
  }
}
