/**
 * Group lifecycle: Microsoft 365, security and distribution groups; naming policy, creation restriction, expiration with notifications and activity renewal, soft delete, restore and purge, guest access per group, the ownerless policy and the distribution-list upgrade check.
 *
 * <p>This module holds no code yet; its issue delivers it.
 */
package io.tenantry.groups;
