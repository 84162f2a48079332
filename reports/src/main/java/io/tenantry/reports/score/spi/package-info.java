/**
 * Ports of the Usage Score that a host implements: {@link
 * io.tenantry.reports.score.spi.CampaignSender}, with the recording {@link
 * io.tenantry.reports.score.spi.InMemoryCampaignSender}.
 */
package io.tenantry.reports.score.spi;
