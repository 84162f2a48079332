/**
 * The Usage Score ({@code usage-score.md}): six scenarios with points and maturity levels, the
 * total, a 180-day history, peer comparison, group-level views with a 10-person privacy floor,
 * recommendations with target people and campaigns, and {@code score.json}.
 *
 * <p>Entry points: {@link io.tenantry.reports.score.UsageScoreEngine} computes a {@link
 * io.tenantry.reports.score.UsageScore}, {@link io.tenantry.reports.score.ScoreJson} writes it,
 * and {@link io.tenantry.reports.score.CampaignDispatcher} hands a recommendation's campaign to the
 * host's {@link io.tenantry.reports.score.spi.CampaignSender}, audited.
 */
package io.tenantry.reports.score;
