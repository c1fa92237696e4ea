package dev.nxcloud.boot;

import java.io.IOException;
import java.nio.file.Path;

import dev.nxcloud.whatsapp.testsupport.NullMarkedPackages;
import org.junit.jupiter.api.Test;

class ArchitectureTests {

	@Test
	void everyPackageIsNullMarked() throws IOException {
		NullMarkedPackages.assertEveryPackageIsNullMarked(Path.of("src/main/java/dev/nxcloud/boot"));
	}

}
