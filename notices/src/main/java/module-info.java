/**
 * Tenantry notices: the message center (major updates with rollout stages, the weekly digest) and
 * service health (incidents, advisories, subscriptions, e-mail notifications).
 */
module io.tenantry.notices {
  requires transitive io.tenantry.core;

  exports io.tenantry.notices;
  exports io.tenantry.notices.spi;
  exports io.tenantry.notices.files;
}
