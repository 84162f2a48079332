/**
 * The ports of the notices module: {@link io.tenantry.notices.spi.NotificationPort} (where
 * notifications go; {@link io.tenantry.notices.spi.InMemoryNotificationRecorder} records them),
 * {@link io.tenantry.notices.spi.NoticeStateStore} (per-admin state and the once-only ledgers;
 * {@link io.tenantry.notices.spi.InMemoryNoticeStateStore}) and {@link
 * io.tenantry.notices.spi.NoticeReaderPolicy} (who may read what; the built-in Entra roles by
 * default).
 */
package io.tenantry.notices.spi;
