package io.tenantry.cli;

/**
 * The exit codes of the {@code tenantry} command (the BSD {@code sysexits} values), as {@code
 * cli.md} specifies them.
 */
public final class ExitCodes {
  private ExitCodes() {}

  /** Success. */
  public static final int OK = 0;
  /** Checks ran and some failed ({@code authz test}, {@code store verify}). */
  public static final int CHECKS_FAILED = 1;
  /** Bad command line. */
  public static final int USAGE = 64;
  /** Bad input data, or data that cannot be returned. */
  public static final int DATA_ERROR = 65;
  /** An input file or store is missing or unreadable. */
  public static final int NO_INPUT = 66;
  /** Internal error. */
  public static final int SOFTWARE = 70;
  /** Cannot create an output (e.g. {@code store init} on a folder that is not empty). */
  public static final int CANNOT_CREATE = 73;
  /** Temporary failure: write quorum not reached, store locked for too long. */
  public static final int TEMPORARY_FAILURE = 75;
}
