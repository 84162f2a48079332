package io.tenantry.groups;

import io.tenantry.core.GroupId;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Something a person does to a group on a day: renew it, delete it or restore it. Authorization is
 * checked before an action reaches the engine; the engine only applies the lifecycle rules.
 *
 * @param date the day it is done
 * @param group the group it is done to
 * @param kind what is done
 */
public record LifecycleAction(LocalDate date, GroupId group, Kind kind) {

  /** What an action does. */
  public enum Kind {
    /** An owner (or an admin) renews the group. */
    RENEW("renew"),
    /** The group is deleted: soft for Microsoft 365 groups, permanent for the others. */
    DELETE("delete"),
    /** A soft-deleted group is restored. */
    RESTORE("restore");

    private final String fileName;

    Kind(String fileName) {
      this.fileName = fileName;
    }

    /**
     * Returns the name used in files ({@code renew}, {@code delete}, {@code restore}).
     *
     * @return the name
     */
    public String fileName() {
      return fileName;
    }

    /**
     * Finds a kind by its file name, exactly as spelled.
     *
     * @param name the name
     * @return the kind, or empty when unknown
     */
    public static Optional<Kind> fromFileName(String name) {
      return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst();
    }
  }

  /**
   * Validates the action.
   *
   * @throws NullPointerException if a component is null
   */
  public LifecycleAction {
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(kind, "kind");
  }
}
