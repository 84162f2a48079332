package io.tenantry.datastore;

/**
 * The states one object goes through in a geo move ({@code directory-semantics.md} §5.6), in
 * order: {@link #QUEUED}, {@link #COPYING}, {@link #READ_ONLY}, {@link #SWITCHED}, {@link
 * #SOURCE_CLEANED} on success; from {@code COPYING} or {@code READ_ONLY} to {@link #FAILED} and
 * then {@link #ROLLED_BACK} when the copy cannot be completed. The object stays readable in every
 * state: from its source until {@code SWITCHED}, from its target afterwards.
 */
public enum GeoMoveState {
  /** Listed for the move; nothing written yet. */
  QUEUED,
  /**
   * Its content is read (authenticated) in the source and written to the target's replicas under
   * a new version and fresh keys, beside the source version, which stays current. Reads and
   * writes proceed; a write (or a key rotation) makes the move copy the object again.
   */
  COPYING,
  /**
   * The copy is verified in the target (every chunk authenticated, content digest equal to the
   * source's). Reads proceed from the source; writes are refused with {@link
   * GeoMoveReadOnlyException} until the window ends with the source cleaned or the copy rolled
   * back.
   */
  READ_ONLY,
  /** The target version is committed at write quorum: it is current and serves reads. */
  SWITCHED,
  /**
   * Every copy in the source geo is removed: the move of the object is complete. An object found
   * already in the target ends here too (after what an interrupted move left elsewhere is removed).
   */
  SOURCE_CLEANED,
  /** The copy could not be completed; the source version is still current and readable. */
  FAILED,
  /** What the failed copy had written in the target is removed; the source is untouched. */
  ROLLED_BACK
}
