package io.headhuntr.connector;

import io.headhuntr.connector.cli.GreenhouseCommand;
import io.headhuntr.connector.cli.TenantCommand;
import io.headhuntr.connector.cli.TokenCommand;
import io.headhuntr.connector.cli.UsersCommand;
import io.headhuntr.connector.cli.WebhooksCommand;
import io.headhuntr.connector.demo.DemoCommand;
import io.headhuntr.connector.sync.SyncCommand;
import io.headhuntr.sandbox.SandboxCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line of the Greenhouse Connector: the service, the demo, and operator commands. */
@Command(
    name = "connector",
    mixinStandardHelpOptions = true,
    description =
        "The Greenhouse Connector: links Headhuntr.io to a customer's Greenhouse Recruiting.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      SandboxCommand.class,
      TenantCommand.class,
      TokenCommand.class,
      GreenhouseCommand.class,
      WebhooksCommand.class,
      UsersCommand.class,
      SyncCommand.class
    })
public final class Main implements Callable<Integer> {

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command tree (also used by tests). */
  static CommandLine commandLine() {
    return new CommandLine(new Main());
  }

  @Override
  public Integer call() {
    CommandLine.usage(this, System.out);
    return 2;
  }
}
