/**
 * The offboarding guide of {@code directory-semantics.md} §8 as a plan of steps a host executes
 * through ports, idempotent, resumable and audited ({@link io.tenantry.identity.offboarding.OffboardingRunner}).
 */
package io.tenantry.identity.offboarding;
