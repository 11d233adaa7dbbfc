package io.headhuntr.connector;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The composition root and command line of the Greenhouse Connector. */
@Command(
    name = "connector",
    mixinStandardHelpOptions = true,
    description =
        "The Greenhouse Connector: links Headhuntr.io to a customer's Greenhouse Recruiting.",
    subcommands = {Main.Demo.class})
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 2;
  }

  /** Placeholder until the onboarding issue builds the demo: says what it will do and exits 2. */
  @Command(name = "demo", description = "Run the product on its embedded defaults (not built yet).")
  static final class Demo implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.println(
          "connector demo will start embedded PostgreSQL, the Greenhouse sandbox and the connector,"
              + " and configure a demo tenant. It is not built yet (see the onboarding issue).");
      return 2;
    }
  }
}
