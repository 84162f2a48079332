/**
 * The message center (major updates with rollout stages, per-admin state, the weekly digest) and service health (incidents, advisories, subscriptions and e-mail notifications).
 *
 * <p>This module holds no code yet; its issue delivers it.
 */
package io.tenantry.notices;
