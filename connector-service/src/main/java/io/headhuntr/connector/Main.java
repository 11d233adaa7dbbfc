package io.headhuntr.connector;

import io.headhuntr.connector.demo.DemoCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The composition root and command line of the Greenhouse Connector. */
@Command(
    name = "connector",
    mixinStandardHelpOptions = true,
    description =
        "The Greenhouse Connector: links Headhuntr.io to a customer's Greenhouse Recruiting.",
    subcommands = {DemoCommand.class})
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 2;
  }
}
