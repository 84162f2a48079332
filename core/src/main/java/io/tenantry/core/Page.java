package io.tenantry.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a query's results and, when more follow, the token for the next page.
 *
 * @param items the results on this page, in the query's order
 * @param next the token for the next page, or null on the last page
 * @param <T> the type of the results
 */
public record Page<T>(List<T> items, PageToken next) {
  /**
   * Copies the items.
   *
   * @throws NullPointerException if {@code items} or an element is null
   */
  public Page {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /**
   * Creates the last page of a result.
   *
   * @param items the results
   * @param <T> the type of the results
   * @return a page without a next token
   */
  public static <T> Page<T> last(List<T> items) {
    return new Page<>(items, null);
  }

  /**
   * Returns the token of the next page.
   *
   * @return the token, or empty when this is the last page
   */
  public Optional<PageToken> nextToken() {
    return Optional.ofNullable(next);
  }

  /**
   * Tells whether more results follow.
   *
   * @return true when {@link #nextToken()} is present
   */
  public boolean hasNext() {
    return next != null;
  }
}
