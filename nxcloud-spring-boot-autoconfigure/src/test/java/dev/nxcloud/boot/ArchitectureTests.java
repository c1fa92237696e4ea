package dev.nxcloud.boot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client packages are plain Spring WebFlux code: they never depend on Spring Boot or on the auto-configuration,
 * so the client can be used, and reasoned about, on its own.
 */
class ArchitectureTests {

	private static final Path CLIENT_SOURCES = Path.of("src/main/java/dev/nxcloud/boot/client");

	@Test
	void clientPackagesDoNotImportSpringBootOrTheAutoConfiguration() throws IOException {
		List<Path> sources;
		try (Stream<Path> files = Files.walk(CLIENT_SOURCES)) {
			sources = files.filter((file) -> file.toString().endsWith(".java")).toList();
		}
		assertThat(sources).hasSizeGreaterThan(10);
		for (Path source : sources) {
			assertThat(Files.readAllLines(source)).as(source.toString())
				.noneMatch((line) -> line.startsWith("import dev.nxcloud.boot.autoconfigure")
						|| line.startsWith("import org.springframework.boot"));
		}
	}

	@Test
	void everyPackageIsNullMarked() throws IOException {
		try (Stream<Path> directories = Files.walk(Path.of("src/main/java/dev/nxcloud/boot"))) {
			directories.filter(Files::isDirectory)
				.filter((directory) -> hasJavaFiles(directory))
				.forEach((directory) -> assertThat(directory.resolve("package-info.java")).as(directory.toString())
					.content()
					.contains("@NullMarked"));
		}
	}

	private static boolean hasJavaFiles(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.anyMatch((file) -> file.toString().endsWith(".java"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
