package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import io.headhuntr.sandbox.oauth.Scopes;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The guide's permissions as v3 scopes (contract section 5). */
class GuideScopesTest {

  @Test
  void every_guide_permission_maps_to_scopes_greenhouse_knows() {
    for (GuidePermission permission : GuidePermissions.all()) {
      assertThat(List.of(GuideScopes.scopeOf(permission).split(" ")))
          .as(permission.tick())
          .isNotEmpty()
          .allSatisfy(scope -> assertThat(Scopes.ALL).contains(scope));
    }
  }

  @Test
  void a_permission_is_granted_only_when_the_token_carries_every_scope_it_maps_to() {
    List<PermissionCheck> checks = GuideScopes.checks(Set.of("harvest:candidates:create"));

    PermissionCheck prospect = check(checks, "Candidates > POST: Add Prospect");
    PermissionCheck candidate = check(checks, "Candidates > POST: Add Candidate");

    assertThat(candidate.status()).isEqualTo(PermissionCheck.GRANTED);
    assertThat(prospect.status()).isEqualTo(PermissionCheck.MISSING);
    assertThat(prospect.detail()).contains("lacks harvest:applications:create");
    assertThat(prospect.detail()).doesNotContain("lacks harvest:candidates:create");
    assertThat(checks).hasSameSizeAs(GuidePermissions.all());
  }

  private static PermissionCheck check(List<PermissionCheck> checks, String tick) {
    return checks.stream().filter(c -> c.tick().equals(tick)).findFirst().orElseThrow();
  }
}
