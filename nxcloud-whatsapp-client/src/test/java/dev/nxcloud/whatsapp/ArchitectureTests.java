package dev.nxcloud.whatsapp;

import java.io.IOException;
import java.nio.file.Path;

import dev.nxcloud.whatsapp.testsupport.NullMarkedPackages;
import org.junit.jupiter.api.Test;

/**
 * Spring Boot stays out of this module by its pom (the enforcer bans it in every scope, so nothing here compiles
 * against it); what remains to check by hand is nullness.
 */
class ArchitectureTests {

	@Test
	void everyPackageIsNullMarked() throws IOException {
		NullMarkedPackages.assertEveryPackageIsNullMarked(Path.of("src/main/java/dev/nxcloud/whatsapp"));
	}

}
