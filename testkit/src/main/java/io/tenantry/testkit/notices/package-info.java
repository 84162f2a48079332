/**
 * Contract tests for the ports of the notices module: {@link
 * io.tenantry.testkit.notices.NoticeStateStoreContract}.
 */
package io.tenantry.testkit.notices;
