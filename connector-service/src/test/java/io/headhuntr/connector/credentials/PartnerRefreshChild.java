package io.headhuntr.connector.credentials;

import com.google.crypto.tink.subtle.AesGcmJce;
import io.headhuntr.connector.api.Json;
import io.headhuntr.connector.greenhouse.Greenhouse;
import io.headhuntr.connector.greenhouse.HarvestConnections;
import io.headhuntr.connector.store.Database;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A child JVM for {@link PartnerTokenCustodyTest}: a connector instance (the real credentials and
 * Greenhouse port over the test's database) that reads the tenant's departments, which needs a
 * refresh; the test kills it with SIGKILL while the refresh's answer is on its way. Arguments:
 * tenant id, auth URL, harvest URL, redirect URI; secrets come in the environment.
 */
public final class PartnerRefreshChild {
  private PartnerRefreshChild() {}

  public static void main(String[] args) throws Exception {
    UUID tenant = UUID.fromString(args[0]);
    PartnerClient partner =
        new PartnerClient(
            System.getenv("CHILD_CLIENT_ID"),
            new ClientSecret(System.getenv("CHILD_CLIENT_SECRET")),
            URI.create(args[3]),
            URI.create(args[1]),
            URI.create(args[2]),
            List.of());
    Database database =
        Database.external(
            System.getenv("CHILD_DB_URL"),
            System.getenv("CHILD_DB_USER"),
            System.getenv("CHILD_DB_PASSWORD"));
    Credentials credentials =
        new Credentials(
            database.jdbi(),
            new AesGcmJce(Base64.getDecoder().decode(System.getenv("CHILD_MASTER_KEY"))),
            Json.mapper(),
            Clock.systemUTC(),
            Duration.ofMinutes(1),
            Optional.of(partner));
    Greenhouse greenhouse = new HarvestConnections(credentials).forTenant(tenant).orElseThrow();
    System.out.println("CALLING");
    System.out.flush();
    int departments = greenhouse.departments().size(); // the refresh's answer never comes
    System.out.println("UNEXPECTED: the call returned " + departments + " departments");
    System.out.flush();
    Thread.currentThread().join(); // until killed
  }
}
