package io.tenantry.groups;

/**
 * A group's own {@code Group.Unified.Guest} setting {@code AllowToAddGuests} (directory-semantics
 * §3.6). The tenant's {@code Group.Unified} value wins when it forbids guests: a group-level value
 * can only narrow, never widen, what the tenant allows.
 */
public enum GuestSetting {
  /** No per-group settings object: the tenant's setting applies. */
  INHERIT,
  /** The group allows guests to be added (meaningful only while the tenant allows it too). */
  ALLOW,
  /** The group forbids adding guests, whatever the tenant allows. */
  BLOCK
}
