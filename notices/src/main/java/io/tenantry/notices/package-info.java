/**
 * The message center and service health of Tenantry: {@link io.tenantry.notices.MessageCenter}
 * (messages and major updates with rollout stages, per-admin read and archived state, followed
 * services and e-mail preference, stage notifications and the weekly digest) and {@link
 * io.tenantry.notices.ServiceHealth} (incidents and advisories with status timelines,
 * subscriptions, e-mail notifications). Every read is scoped to a tenant and gated by the admin's
 * roles through {@link io.tenantry.notices.spi.NoticeReaderPolicy}.
 */
package io.tenantry.notices;
