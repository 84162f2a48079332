package io.tenantry.testkit.notices;

import io.tenantry.notices.spi.InMemoryNoticeStateStore;
import io.tenantry.notices.spi.NoticeStateStore;

class InMemoryNoticeStateStoreContractTest extends NoticeStateStoreContract {
  @Override
  protected NoticeStateStore newStore() {
    return new InMemoryNoticeStateStore();
  }
}
