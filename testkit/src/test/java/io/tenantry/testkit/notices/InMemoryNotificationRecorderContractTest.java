package io.tenantry.testkit.notices;

import io.tenantry.core.TenantId;
import io.tenantry.notices.Notification;
import io.tenantry.notices.spi.InMemoryNotificationRecorder;
import io.tenantry.notices.spi.NotificationPort;
import java.util.List;

class InMemoryNotificationRecorderContractTest extends NotificationPortContract {
  private InMemoryNotificationRecorder recorder;

  @Override
  protected NotificationPort newPort() {
    recorder = new InMemoryNotificationRecorder();
    return recorder;
  }

  @Override
  protected List<Notification> delivered(TenantId tenant) {
    return recorder.forTenant(tenant);
  }
}
