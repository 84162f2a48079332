/**
 * Validation results: a {@link io.tenantry.core.validation.Problem} names the field, the rejected
 * value and where it was read; {@link io.tenantry.core.validation.Problems} collects them so every
 * problem of an input is reported at once.
 */
package io.tenantry.core.validation;
