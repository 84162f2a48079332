/**
 * Contract tests for the ports of the notices module: {@link
 * io.tenantry.testkit.notices.NoticeStateStoreContract} and {@link
 * io.tenantry.testkit.notices.NotificationPortContract}.
 */
package io.tenantry.testkit.notices;
