package dev.nxcloud.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.nxcloud.simulator.state.Flow;
import dev.nxcloud.simulator.state.Template;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SeedAndStartupTest {

	@Test
	void loadsAJsonSeedFile(@TempDir Path dir) throws Exception {
		Path seed = dir.resolve("seed.json");
		Files.writeString(seed, """
				{
				  "accounts": [{"access_key": "ak1", "access_secret": "s1"}],
				  "apps": [{"access_key": "ak1", "app_id": 42, "app_name": "Shop", "app_key": "shopKey", "webhook": "http://127.0.0.1:1/hook"}],
				  "phones": [{"phone": "8613800000000", "app_key": "shopKey", "verified_name": "Shop", "quality_rating": "YELLOW", "current_limit": "TIER_250"}],
				  "tenants": [{"tenant_id": 7, "access_key": "ak1"}],
				  "templates": [{"phone": "8613800000000", "name": "hello", "language": "zh_CN", "category": "UTILITY", "content": "你好 {{1}}"}],
				  "flows": [{"phone": "8613800000000", "id": "1", "name": "f", "status": "DRAFT", "categories": ["SURVEY"]}],
				  "failing_recipients": [{"to": "861", "code": 131049, "title": "Not delivered"}]
				}
				""");
		try (NxCloudSimulator sim = NxCloudSimulator.builder().demoSeed(false).seed(seed).build().start();
				TestClient client = new TestClient(sim.baseUrl(), "ak1", "s1")) {
			assertThat(sim.state().account(sim.demoAccount().accessKey())).isEmpty();
			TestClient.Response phones = client.post("/api/wa/getPhone", "getPhone",
					"{\"appkey\":\"shopKey\",\"messaging_product\":\"whatsapp\"}");
			assertThat(phones.data().get("8613800000000").get(0).get("quality_rating").asString()).isEqualTo("YELLOW");
			TestClient.Response list = client.get("/saas/wa/template/8613800000000?tenant_id=7&page_number=1&page_size=5");
			assertThat(list.data().get("list").get(0).get("language_name").asString()).isEqualTo("Chinese (CHN)");
			assertThat(sim.state().flowsOf("8613800000000")).extracting(Flow::status).containsExactly("DRAFT");
			assertThat(sim.state().failingRecipient("861")).hasValueSatisfying((f) -> assertThat(f.errorCode())
				.isEqualTo(131049));
		}
	}

	@Test
	void seedsFromCode() {
		try (NxCloudSimulator sim = NxCloudSimulator.builder().build()) {
			Template stored = sim.state()
				.addTemplate(Template.approved(sim.demoAccount().businessPhone(), "coded", "de", "MARKETING", "Hallo"));
			assertThat(sim.state().template(stored.id())).contains(stored);
			assertThat(stored.id()).isPositive();
		}
	}

	@Test
	void rejectsAnIncompleteSeed() {
		try (NxCloudSimulator sim = NxCloudSimulator.builder().build()) {
			assertThatIllegalArgumentException().isThrownBy(() -> sim.loadSeed("{\"accounts\":[{\"access_key\":\"x\"}]}"));
		}
	}

	@Test
	void printsItsStartTime() {
		long begin = System.nanoTime();
		NxCloudSimulator sim = NxCloudSimulator.builder().build().start();
		long elapsed = System.nanoTime() - begin;
		try (sim) {
			System.out.printf("NxCloudSimulator build+start took %.1f ms (port %d)%n", elapsed / 1e6, sim.port());
			assertThat(sim.baseUrl()).startsWith("http://127.0.0.1:");
		}
	}

}
