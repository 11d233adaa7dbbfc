package io.headhuntr.connector.credentials;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import io.headhuntr.connector.store.OwnerOnlyFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The key that encrypts stored credentials (Tink AEAD, AES256_GCM).
 *
 * <p>{@code CONNECTOR_MASTER_KEY} holds either a Tink keyset in Tink's JSON format (as is, or
 * base64-encoded), for example made with {@code tinkey create-keyset --key-template AES256_GCM}, or
 * 32 raw key bytes in base64 ({@code openssl rand -base64 32}). Without it, the key file {@code
 * master-key.json} (a Tink JSON keyset) in the data directory is used, and generated there with a
 * warning when it does not exist yet. Losing the key makes the stored credentials unreadable: they
 * must then be entered again.
 */
public final class MasterKey {
  public static final String KEY_FILE = "master-key.json";
  private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

  private MasterKey() {}

  /** Reads the configured key; the message of a failure never contains the value. */
  public static Aead fromConfigured(String value) {
    try {
      AeadConfig.register();
      String trimmed = value.strip();
      if (trimmed.startsWith("{")) {
        return keyset(trimmed);
      }
      byte[] decoded = Base64.getDecoder().decode(trimmed);
      if (decoded.length == 32) {
        return new AesGcmJce(decoded);
      }
      String json = new String(decoded, StandardCharsets.UTF_8).strip();
      if (json.startsWith("{")) {
        return keyset(json);
      }
      throw new IllegalArgumentException(
          "CONNECTOR_MASTER_KEY is neither a Tink JSON keyset nor 32 base64-encoded bytes");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "CONNECTOR_MASTER_KEY cannot be read as a Tink keyset or a base64 AES-256 key ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** Reads the key file of the data directory, generating it first when {@code generate}. */
  public static Aead fromKeyFile(Path dataDir, boolean generate) {
    Path file = dataDir.resolve(KEY_FILE);
    try {
      AeadConfig.register();
      if (!Files.exists(file)) {
        if (!generate) {
          throw new IllegalStateException(
              "no master key: set CONNECTOR_MASTER_KEY (required with an external database)"
                  + " or provide "
                  + file);
        }
        KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        OwnerOnlyFile.write(
            file, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
        log.warn(
            "generated a master key in {}: stored Greenhouse credentials are encrypted with it;"
                + " back it up, or set CONNECTOR_MASTER_KEY in production",
            file);
      }
      return keyset(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the master key file " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the master key file " + file + " is not a Tink keyset");
    }
  }

  private static Aead keyset(String json) throws GeneralSecurityException {
    KeysetHandle handle =
        TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
  }
}
