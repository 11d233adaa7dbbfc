package io.headhuntr.connector.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link IntakeBenchmark} from the test classpath; skipped unless {@code -Dbench=true}. The
 * run fails only when deliveries were refused or lost, never on the rate: the figures are printed.
 */
class IntakeBenchmarkTest {

  @Test
  void intake() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("bench"), "skipped: run with -Dbench=true");
    IntakeBenchmark.Result result = IntakeBenchmark.run(System.out);
    assertThat(result.acknowledged()).isEqualTo(result.deliveries());
    assertThat(result.states().getOrDefault("parked", 0L)).isZero();
    assertThat(result.bare().acksPerSecond()).isPositive();
    assertThat(result.floor().acksPerSecond()).isPositive();
    assertThat(result.heapFloor().acksPerSecond()).isPositive();
    assertThat(result.pacedEvents().seen()).isEqualTo(result.pacedEvents().sent());
  }
}
