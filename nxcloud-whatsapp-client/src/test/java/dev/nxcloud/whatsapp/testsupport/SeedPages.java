package dev.nxcloud.whatsapp.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * NxCloud's documentation pages as published, kept by the project under {@code docs/nxcloud-pages} (one file per
 * page, byte for byte as published), and the facts the tests read from them.
 */
public final class SeedPages {

	/** The project's copy of the pages, relative to the module directory the tests run in. */
	public static final Path DIRECTORY = Path.of("../docs/nxcloud-pages");

	/** The OTP send page. */
	public static final String OTP = "001_23ee668c60e9b01e.txt";

	/** The SaaS template, flow and media pages. */
	public static final String TEMPLATES = "002_ff61a385aba579d6.txt";

	/** The SaaS send page. */
	public static final String SAAS_SEND = "003_2e17809275286557.txt";

	private static final List<String> TABLE_HEADINGS = List.of("Template Languages", "Template Language");

	private SeedPages() {
	}

	/**
	 * The names of the committed pages.
	 * @return the file names, sorted
	 */
	public static List<String> names() {
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One page's text.
	 * @param name the file name
	 * @return the text
	 */
	public static String read(String name) {
		try {
			return Files.readString(DIRECTORY.resolve(name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The template language table at the end of a page: three columns of (language, code) pairs with an empty
	 * column between them, flattened by the page's text form into cells ending in {@code |}.
	 * @param name the file name of the page
	 * @return each code with its language's name, in the table's order (row by row)
	 */
	public static Map<String, String> templateLanguages(String name) {
		String page = read(name);
		int heading = TABLE_HEADINGS.stream()
			.mapToInt((candidate) -> page.lastIndexOf("\n" + candidate + "\n"))
			.max()
			.orElse(-1);
		if (heading < 0) {
			throw new IllegalStateException(name + " has no template language table");
		}
		String table = page.substring(page.indexOf('\n', heading + 1) + 1);
		List<String> cells = new ArrayList<>(Arrays.stream(table.split("\\|"))
			.map(String::strip)
			.filter((cell) -> !cell.isEmpty())
			.toList());
		List<String> header = List.of("Language", "Code", "Language", "Code", "Language", "Code");
		if (cells.size() < header.size() || !cells.subList(0, header.size()).equals(header)) {
			throw new IllegalStateException(name + ": the language table does not start with " + header);
		}
		cells.subList(0, header.size()).clear();
		if (cells.size() % 2 != 0) {
			throw new IllegalStateException(name + ": the language table has an odd number of cells: " + cells);
		}
		Map<String, String> languages = new LinkedHashMap<>();
		for (int i = 0; i < cells.size(); i += 2) {
			if (languages.put(cells.get(i + 1), cells.get(i)) != null) {
				throw new IllegalStateException(name + ": code " + cells.get(i + 1) + " appears twice");
			}
		}
		return languages;
	}

}
