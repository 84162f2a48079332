package io.tenantry.reports.input;

/**
 * What a pass over {@code events.jsonl} did.
 *
 * @param lines physical lines read
 * @param accepted events accepted
 * @param rejected lines rejected
 * @param blank blank or white-space-only lines skipped
 */
public record EventReadSummary(long lines, long accepted, long rejected, long blank) {}
