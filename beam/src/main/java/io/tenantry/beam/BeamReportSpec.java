package io.tenantry.beam;

import io.tenantry.core.TenantId;
import io.tenantry.reports.ReportFunction;
import io.tenantry.reports.ReportJob;
import io.tenantry.reports.ReportWindow;
import io.tenantry.reports.input.GroupDirectory;
import io.tenantry.reports.input.GroupsCsvReader;
import io.tenantry.reports.input.UserDirectory;
import io.tenantry.reports.input.UsersCsvReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a distributed report run needs besides the events, in a form Beam can ship to its
 * workers: the tenant, the window, the reports, the display name, the output format and the
 * directory snapshots as their raw {@code users.csv} / {@code groups.csv} text.
 *
 * <p>The engine's {@link UserDirectory} and {@link GroupDirectory} are not {@link Serializable};
 * each worker rebuilds them once from the text with the engine's own readers ({@link
 * UsersCsvReader}, {@link GroupsCsvReader}), so every worker resolves users to the same directory
 * indexes as the single-machine run. The directories are validated when the spec is created, so a
 * malformed snapshot fails at pipeline construction, listing every problem, not on a worker.
 *
 * <p>Immutable (the rebuilt directories are a per-instance cache) and thread-safe. Concealed names
 * ({@code --conceal}) are not offered here: concealment secrets are a port, not a value to ship.
 */
public final class BeamReportSpec implements Serializable {
  private static final long serialVersionUID = 1L;

  /** How each report is written. */
  public enum Format {
    /** CSV as {@code ReportWriter.writeCsv} writes it (file suffix {@code .csv}). */
    CSV,
    /** JSON in the Graph shape as {@code ReportWriter.writeJson} writes it ({@code .json}). */
    JSON
  }

  private final String tenant;
  private final String tenantDisplayName;
  private final LocalDate asOf;
  private final LocalDate first;
  private final int days;
  private final boolean singleDay;
  private final ArrayList<ReportFunction> functions;
  private final Format format;
  private final String usersCsv;
  private final String groupsCsv;
  private transient volatile UserDirectory users;
  private transient volatile GroupDirectory groups;

  private BeamReportSpec(ReportJob job, Format format, String usersCsv, String groupsCsv) {
    this.tenant = job.tenant().value();
    this.tenantDisplayName = job.tenantDisplayName();
    this.asOf = job.window().asOf();
    this.first = job.window().first();
    this.days = job.window().days();
    this.singleDay = job.window().singleDay();
    this.functions = new ArrayList<>(job.functions());
    this.format = Objects.requireNonNull(format, "format");
    this.usersCsv = Objects.requireNonNull(usersCsv, "usersCsv");
    this.groupsCsv = groupsCsv;
  }

  /**
   * Creates a spec from a report job and the directory snapshots' text.
   *
   * @param job the tenant, display name, window and reports (its secrets must be null)
   * @param format how each report is written
   * @param usersCsv the text of {@code users.csv}
   * @param groupsCsv the text of {@code groups.csv}, or null when there is none
   * @return the spec, its directories already parsed and validated
   * @throws IllegalArgumentException if the job asks for concealed names
   * @throws io.tenantry.core.error.ValidationException if a snapshot is invalid (every problem
   *     with its file and line)
   */
  public static BeamReportSpec of(ReportJob job, Format format, String usersCsv,
      String groupsCsv) {
    Objects.requireNonNull(job, "job");
    if (job.secrets() != null) {
      throw new IllegalArgumentException("concealed reports are not supported by the Beam "
          + "pipeline: run the job without concealment secrets");
    }
    BeamReportSpec spec = new BeamReportSpec(job, format, usersCsv, groupsCsv);
    spec.users();
    spec.groups();
    return spec;
  }

  /**
   * Returns the tenant.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return TenantId.of(tenant);
  }

  /**
   * Returns the Tenant Display Name column's value.
   *
   * @return the display name
   */
  public String tenantDisplayName() {
    return tenantDisplayName;
  }

  /**
   * Returns the report window.
   *
   * @return the window
   */
  public ReportWindow window() {
    return new ReportWindow(asOf, first, days, singleDay);
  }

  /**
   * Returns the reports to render, in order.
   *
   * @return an unmodifiable list
   */
  public List<ReportFunction> functions() {
    return List.copyOf(functions);
  }

  /**
   * Returns the output format.
   *
   * @return the format
   */
  public Format format() {
    return format;
  }

  /**
   * Returns the user directory, rebuilt from the snapshot text once per instance.
   *
   * @return the directory
   */
  public UserDirectory users() {
    UserDirectory u = users;
    if (u == null) {
      synchronized (this) {
        if (users == null) {
          try {
            users = UsersCsvReader.read(tenant(), new StringReader(usersCsv), "users.csv");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        u = users;
      }
    }
    return u;
  }

  /**
   * Returns the group directory ({@link GroupDirectory#empty} without a snapshot), rebuilt once
   * per instance.
   *
   * @return the directory
   */
  public GroupDirectory groups() {
    GroupDirectory g = groups;
    if (g == null) {
      synchronized (this) {
        if (groups == null) {
          try {
            groups = groupsCsv == null ? GroupDirectory.empty(tenant())
                : GroupsCsvReader.read(tenant(), new StringReader(groupsCsv), "groups.csv");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        g = groups;
      }
    }
    return g;
  }
}
