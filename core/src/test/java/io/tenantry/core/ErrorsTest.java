package io.tenantry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tenantry.core.error.ConflictException;
import io.tenantry.core.error.PortFailureException;
import io.tenantry.core.error.TenantryException;
import io.tenantry.core.error.ValidationException;
import io.tenantry.core.validation.Problem;
import io.tenantry.core.validation.Problems;
import io.tenantry.core.validation.SourceLocation;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorsTest {

  @Test
  void problems_collectsEveryProblemBeforeThrowing() {
    Problems p = new Problems();
    p.add("policy.lifetimeDays", "must be at least 30", 10);
    p.add(new SourceLocation("policy.yaml", 7), "policy.selected", "has more than 500 groups", 501);
    assertThat(p.isEmpty()).isFalse();
    assertThatThrownBy(p::throwIfAny)
        .isInstanceOfSatisfying(ValidationException.class, e -> {
          assertThat(e.problems()).hasSize(2);
          assertThat(e.problems().get(1).sourceLocation()).contains(new SourceLocation("policy.yaml", 7));
        })
        .hasMessageContaining("2 problems")
        .hasMessageContaining("policy.lifetimeDays: must be at least 30 (value '10')")
        .hasMessageContaining("(policy.yaml:7)");
  }

  @Test
  void problems_empty_doesNotThrow() {
    new Problems().throwIfAny();
    assertThat(new Problems().list()).isEmpty();
  }

  @Test
  void validationException_needsAProblem() {
    assertThatThrownBy(() -> new ValidationException(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ValidationException(Problem.of("a", "b", null))).isInstanceOf(TenantryException.class);
  }

  @Test
  void problem_withoutValue_rendersPathAndMessage() {
    assertThat(Problem.of("users[0].upn", "is required", null)).hasToString("users[0].upn: is required");
    assertThat(new SourceLocation("f.csv", 0)).hasToString("f.csv");
  }

  @Test
  void portFailure_alwaysCarriesItsCause() {
    IOException io = new IOException("disk gone");
    assertThat(new PortFailureException("audit append failed", io)).hasCause(io);
    assertThatThrownBy(() -> new PortFailureException("x", null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void conflict_exposesItsKind() {
    assertThat(new ConflictException("STALE_VERSION", "group g1 changed").kind())
        .isEqualTo("STALE_VERSION");
  }
}
