package io.headhuntr.connector.demo;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code connector demo}: the product on its embedded defaults, with a configured demo tenant. */
@Command(
    name = "demo",
    description =
        "Run the product on its embedded defaults (not built yet: prints the plan, exits 2).")
public final class DemoCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    System.out.println(
        "connector demo will start embedded PostgreSQL, the Greenhouse sandbox and the connector,"
            + " and configure a demo tenant. It is not built yet (see the onboarding issue).");
    return 2;
  }
}
