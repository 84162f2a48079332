/**
 * The notices module's ports over JDBC: {@link io.tenantry.jdbc.notices.JdbcNoticeStateStore}
 * (admins' preferences, message states, subscriptions and the once-only ledger) and {@link
 * io.tenantry.jdbc.notices.JdbcNotificationOutbox} (a durable outbox behind the notification port).
 */
package io.tenantry.jdbc.notices;
