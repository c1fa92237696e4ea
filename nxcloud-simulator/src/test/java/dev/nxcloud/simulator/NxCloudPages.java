package dev.nxcloud.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.nxcloud.simulator.ErrorCodes.Page;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NxCloud's documentation pages as the project keeps them ({@code docs/nxcloud-pages}, one text file per page, byte for
 * byte as published), read so that tests compare the simulator with them rather than with a copy that could drift.
 */
final class NxCloudPages {

	private static final Path DIRECTORY = Path.of("../docs/nxcloud-pages");

	private NxCloudPages() {
	}

	/**
	 * The text of every page, keyed by file name.
	 */
	static Map<String, String> all() {
		Map<String, String> pages = new LinkedHashMap<>();
		try (Stream<Path> files = Files.list(DIRECTORY)) {
			for (Path file : files.sorted().toList()) {
				pages.put(file.getFileName().toString(), Files.readString(file));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		assertThat(pages).as("pages in " + DIRECTORY).isNotEmpty();
		return pages;
	}

	/**
	 * The page whose first URL is one of the simulator's endpoints ({@code null} for another page).
	 */
	static Page page(String text) {
		String url = text.lines().filter((line) -> line.startsWith("https://")).findFirst().orElse("");
		if (url.endsWith("/register/createApp")) {
			return Page.CREATE_APP;
		}
		if (url.endsWith("/api/wa/otp")) {
			return Page.OTP;
		}
		if (url.endsWith("/api/wa/getPhone")) {
			return Page.GET_PHONE;
		}
		if (url.endsWith("/saas/wa/send")) {
			return Page.SAAS_SEND;
		}
		if (url.contains("/saas/wa/template/")) {
			return Page.SAAS_TEMPLATE;
		}
		throw new IllegalArgumentException("Not a page the simulator serves: " + url);
	}

	/**
	 * The message NxCloud answers with a code on a page: the "message" column of an api2 page, the "solution" column
	 * of a SaaS page.
	 */
	static String message(Page page, int code) {
		String text = all().values()
			.stream()
			.filter((candidate) -> page(candidate) == page)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No page for " + page));
		List<String> row = codeTable(text).get(code);
		assertThat(row).as(page + " documents " + code).isNotNull();
		return row.get(page.isSaas() ? 1 : 0);
	}

	/**
	 * The rows of the page's "Response Code" table other than 0 and 1000~100X: code to {message, solution}.
	 */
	static Map<Integer, List<String>> codeTable(String text) {
		int start = lastHeading(text, "Response Code");
		assertThat(start).as("a Response Code table").isNotNegative();
		int end = text.indexOf("\nTemplate Language", start);
		List<String> cells = cells(text.substring(start, (end >= 0) ? end : text.length()));
		assertThat(cells.subList(0, 3)).map(String::toLowerCase).containsExactly("code", "message", "solution");
		Map<Integer, List<String>> rows = new LinkedHashMap<>();
		for (int i = 3; i + 2 < cells.size(); i += 3) {
			String code = cells.get(i);
			if (!code.equals("0") && !code.equals("1000~100X")) {
				rows.put(Integer.valueOf(code), List.of(cells.get(i + 1), cells.get(i + 2)));
			}
		}
		return rows;
	}

	/**
	 * The page's "Template Languages" table, code to name, or empty when it has none.
	 */
	static Map<String, String> languageTable(String text) {
		int start = lastHeading(text, "Template Language");
		Map<String, String> languages = new LinkedHashMap<>();
		if (start < 0) {
			return languages;
		}
		List<String> cells = cells(text.substring(start))
			.stream()
			.filter((cell) -> !cell.isEmpty() && !cell.equals("Language") && !cell.equals("Code"))
			.toList();
		assertThat(cells.size() % 2).as("name/code pairs").isZero();
		for (int i = 0; i < cells.size(); i += 2) {
			languages.put(cells.get(i + 1), cells.get(i));
		}
		return languages;
	}

	/** Where the last line starting with the heading begins. */
	private static int lastHeading(String text, String heading) {
		int index = text.lastIndexOf("\n" + heading);
		return (index < 0) ? -1 : index + 1;
	}

	/** The table cells after the heading line: one per line, without the {@code |} separators. */
	private static List<String> cells(String section) {
		List<String> cells = new ArrayList<>();
		section.lines().skip(1).forEach((line) -> {
			String cell = line.strip();
			if (cell.startsWith("|")) {
				cell = cell.substring(1);
			}
			if (cell.endsWith("|")) {
				cell = cell.substring(0, cell.length() - 1);
			}
			cells.add(cell.strip());
		});
		return cells;
	}

}
