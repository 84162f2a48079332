package io.tenantry.reports.analytics;

import io.tenantry.reports.input.Workload;
import java.util.Optional;

/**
 * A product of the usage-analytics views: "Microsoft 365" (any workload) or one workload.
 */
public enum Product {
  /** Any workload. */
  MICROSOFT_365("Microsoft 365", null),
  /** Exchange. */
  EXCHANGE("Exchange", Workload.EXCHANGE),
  /** OneDrive. */
  ONE_DRIVE("OneDrive", Workload.ONE_DRIVE),
  /** SharePoint. */
  SHARE_POINT("SharePoint", Workload.SHARE_POINT),
  /** Teams. */
  TEAMS("Teams", Workload.TEAMS),
  /** Yammer. */
  YAMMER("Yammer", Workload.YAMMER),
  /** Skype for Business. */
  SKYPE_FOR_BUSINESS("Skype For Business", Workload.SKYPE_FOR_BUSINESS),
  /** Microsoft 365 Apps. */
  M365_APPS("Microsoft 365 Apps", Workload.M365_APPS);

  private final String label;
  private final Workload workload;

  Product(String label, Workload workload) {
    this.label = label;
    this.workload = workload;
  }

  /**
   * Returns the product's name in the tables.
   *
   * @return e.g. {@code "Microsoft 365"}
   */
  public String label() {
    return label;
  }

  /**
   * Returns the workload of a single-workload product.
   *
   * @return the workload, or empty for "Microsoft 365"
   */
  public Optional<Workload> workload() {
    return Optional.ofNullable(workload);
  }

  /**
   * Returns the product of a workload.
   *
   * @param w the workload
   * @return its product
   */
  public static Product of(Workload w) {
    for (Product p : values()) {
      if (p.workload == w) {
        return p;
      }
    }
    throw new IllegalArgumentException("no product for " + w);
  }
}
