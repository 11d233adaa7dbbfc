package io.headhuntr.connector.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTest {
  private static final byte[] AAD = "tenant".getBytes(StandardCharsets.UTF_8);

  private static byte[] roundTrip(Aead encrypting, Aead decrypting) throws Exception {
    byte[] ciphertext = encrypting.encrypt("harvest-key".getBytes(StandardCharsets.UTF_8), AAD);
    assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("harvest-key");
    return decrypting.decrypt(ciphertext, AAD);
  }

  @Test
  void reads_32_raw_bytes_in_base64() throws Exception {
    String raw = Base64.getEncoder().encodeToString(new byte[32]);
    assertThat(roundTrip(MasterKey.fromConfigured(raw), MasterKey.fromConfigured(raw)))
        .isEqualTo("harvest-key".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void reads_a_tink_json_keyset_as_is_or_in_base64() throws Exception {
    AeadConfig.register();
    String json =
        TinkJsonProtoKeysetFormat.serializeKeyset(
            KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
            InsecureSecretKeyAccess.get());
    String base64 = Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));

    assertThat(roundTrip(MasterKey.fromConfigured(json), MasterKey.fromConfigured(base64)))
        .isEqualTo("harvest-key".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void refuses_an_unreadable_key_without_echoing_it() {
    String value = "c2VjcmV0LXZhbHVlLXRoYXQtaXMtbm90LWEta2V5"; // base64, but not 32 bytes
    assertThatThrownBy(() -> MasterKey.fromConfigured(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CONNECTOR_MASTER_KEY")
        .hasMessageNotContaining(value);
  }

  @Test
  void generates_the_key_file_once_and_reads_it_back(@TempDir Path dataDir) throws Exception {
    Aead first = MasterKey.fromKeyFile(dataDir, true);
    String file = Files.readString(dataDir.resolve(MasterKey.KEY_FILE));
    Aead second = MasterKey.fromKeyFile(dataDir, true);

    assertThat(Files.readString(dataDir.resolve(MasterKey.KEY_FILE))).isEqualTo(file);
    assertThat(roundTrip(first, second)).isEqualTo("harvest-key".getBytes(StandardCharsets.UTF_8));
    assertThat(Files.getPosixFilePermissions(dataDir.resolve(MasterKey.KEY_FILE)))
        .containsExactlyInAnyOrder(
            java.nio.file.attribute.PosixFilePermission.OWNER_READ,
            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void does_not_generate_a_key_file_when_told_not_to(@TempDir Path dataDir) {
    assertThatThrownBy(() -> MasterKey.fromKeyFile(dataDir, false))
        .hasMessageContaining("CONNECTOR_MASTER_KEY");
    assertThat(Files.exists(dataDir.resolve(MasterKey.KEY_FILE))).isFalse();
  }
}
