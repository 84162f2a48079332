package io.tenantry.core;

import java.util.Objects;

/**
 * An opaque token that asks a paged query for the page after the one that returned it.
 *
 * <p>Tokens are only meaningful to the query (and tenant) that produced them; an implementation
 * rejects a token it did not issue with a {@link io.tenantry.core.error.ValidationException}.
 *
 * @param value the token text
 */
public record PageToken(String value) {
  /**
   * Validates the token.
   *
   * @throws NullPointerException if {@code value} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public PageToken {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a page token must not be blank");
    }
  }
}
