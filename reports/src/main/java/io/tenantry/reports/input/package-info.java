/**
 * The input layer of the usage reports ({@code activity-events.md} §1–4): streaming readers for
 * {@code users.csv} ({@link io.tenantry.reports.input.UsersCsvReader}), {@code groups.csv}
 * ({@link io.tenantry.reports.input.GroupsCsvReader}) and {@code events.jsonl}
 * ({@link io.tenantry.reports.input.ActivityEventReader}), and the values they produce: {@link
 * io.tenantry.reports.input.UserDirectory} of {@link io.tenantry.reports.input.DirectoryUser}s with
 * the as-of-R rules of §1, {@link io.tenantry.reports.input.GroupDirectory}, and {@link
 * io.tenantry.reports.input.ActivityEvent}s with their vocabulary ({@link
 * io.tenantry.reports.input.Workload}, {@link io.tenantry.reports.input.Activity}, {@link
 * io.tenantry.reports.input.Platform}, {@link io.tenantry.reports.input.MeetingType}, {@link
 * io.tenantry.reports.input.App}). Every directory and reader is bound to exactly one tenant.
 */
package io.tenantry.reports.input;
