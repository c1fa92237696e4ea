package dev.nxcloud.whatsapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.nxcloud.whatsapp.testsupport.SeedPages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The committed copy of NxCloud's pages is the shared seed directory's, byte for byte, wherever that directory is
 * present (system property {@value #SHARED_SEEDS}, set by the pom to the directory beside the project). A clean
 * clone has no such directory; it tests against the committed copy alone.
 */
class SeedPagesTests {

	static final String SHARED_SEEDS = "nxcloud.shared-seeds";

	@Test
	void theCommittedPagesAreTheSharedPagesByteForByte() throws IOException {
		String location = System.getProperty(SHARED_SEEDS);
		assumeTrue(location != null && Files.isDirectory(Path.of(location)),
				() -> "no shared seed directory at " + location + ": only the committed copy is tested");
		Path shared = Path.of(location);
		assertThat(SeedPages.names()).contains(SeedPages.OTP, SeedPages.TEMPLATES, SeedPages.SAAS_SEND);
		try (var files = Files.list(shared)) {
			assertThat(SeedPages.names()).as("the project's pages")
				.containsExactlyElementsOf(files.map((file) -> file.getFileName().toString()).sorted().toList());
		}
		for (String name : SeedPages.names()) {
			assertThat(shared.resolve(name)).as(name).exists();
			assertThat(Files.readAllBytes(SeedPages.DIRECTORY.resolve(name))).as(name)
				.isEqualTo(Files.readAllBytes(shared.resolve(name)));
		}
	}

}
