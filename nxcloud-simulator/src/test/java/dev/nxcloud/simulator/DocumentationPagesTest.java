package dev.nxcloud.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.nxcloud.simulator.ErrorCodes.Page;
import dev.nxcloud.simulator.state.TemplateLanguages;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator's tables equal the ones on NxCloud's pages, read from the pages themselves.
 */
class DocumentationPagesTest {

	@Test
	void templateLanguagesEqualEveryPagesTable() {
		int tables = 0;
		for (Map.Entry<String, String> page : NxCloudPages.all().entrySet()) {
			Map<String, String> languages = NxCloudPages.languageTable(page.getValue());
			if (!languages.isEmpty()) {
				tables++;
				assertThat(languages).as(page.getKey()).hasSize(65).isEqualTo(TemplateLanguages.all());
			}
		}
		assertThat(tables).as("pages with a Template Languages table").isGreaterThanOrEqualTo(3);
	}

	@Test
	void errorCodesEqualEveryPagesTable() {
		int pages = 0;
		for (Map.Entry<String, String> entry : NxCloudPages.all().entrySet()) {
			Page page = NxCloudPages.page(entry.getValue());
			Map<Integer, String> documented = new LinkedHashMap<>();
			NxCloudPages.codeTable(entry.getValue()).forEach((code, row) -> documented.put(code, message(page, code, row)));
			Map<Integer, String> simulated = new LinkedHashMap<>(page.codes());
			if (page == Page.OTP) {
				assertThat(entry.getValue()).as("the OTP page's Meta failure example")
					.contains("\"code\": 9099,\n\"message\": \"WhatsApp error\"");
				simulated.remove(9099);
			}
			assertThat(simulated).as(entry.getKey()).containsExactlyEntriesOf(documented);
			pages++;
		}
		assertThat(pages).as("every page but mt's, which is not among them").isEqualTo(Page.values().length - 1);
	}

	/** api2 pages answer the message column; SaaS pages the solution column, except for -1. */
	private static String message(Page page, int code, List<String> row) {
		return (page.isSaas() && code != -1) ? row.get(1) : row.get(0);
	}

	@Test
	void everyAuthenticationCodeIsInTheDocumentedRange() {
		assertThat(ErrorCodes.AUTHENTICATION.keySet()).allSatisfy((code) -> assertThat(code).isBetween(1000, 1009));
	}

}
