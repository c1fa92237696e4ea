package dev.nxcloud.whatsapp.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every package of a source tree declares {@code @NullMarked}, so that JSpecify's nullness holds everywhere.
 */
public final class NullMarkedPackages {

	private NullMarkedPackages() {
	}

	public static void assertEveryPackageIsNullMarked(Path sources) throws IOException {
		List<Path> packages;
		try (Stream<Path> directories = Files.walk(sources)) {
			packages = directories.filter(Files::isDirectory).filter(NullMarkedPackages::hasJavaFiles).toList();
		}
		assertThat(packages).isNotEmpty();
		for (Path directory : packages) {
			assertThat(directory.resolve("package-info.java")).as(directory.toString()).content().contains("@NullMarked");
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
