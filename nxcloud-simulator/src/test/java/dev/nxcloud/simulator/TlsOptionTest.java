package dev.nxcloud.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The TLS option's checks; serving HTTPS is tested end to end in the auto-configuration module
 * ({@code NxCloudHttpSslTests}), which holds the certificate fixtures.
 */
class TlsOptionTest {

	@Test
	void unreadableFilesAreRefusedWhenConfigured(@TempDir Path dir) throws Exception {
		Path certificate = Files.writeString(dir.resolve("cert.pem"), "-----BEGIN CERTIFICATE-----");
		Path missing = dir.resolve("missing-key.pem");
		assertThatIllegalArgumentException().isThrownBy(() -> NxCloudSimulator.builder().tls(certificate, missing))
			.withMessageContaining("private key")
			.withMessageContaining(missing.toString());
		assertThatIllegalArgumentException().isThrownBy(() -> NxCloudSimulator.builder().tls(missing, certificate))
			.withMessageContaining("certificate chain");
	}

}
