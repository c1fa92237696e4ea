package dev.nxcloud.simulator;

import dev.nxcloud.simulator.TestClient.Response;
import dev.nxcloud.simulator.testcontainers.NxCloudSimulatorContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator in a container answers signed calls with the demo account and with an account from an added seed.
 * Needs Docker: skipped without it, except where the build requires it (see {@link DockerEngine}).
 */
@Testcontainers
@EnabledIf("dev.nxcloud.simulator.DockerEngine#availableOrRequired")
class ContainerTests {

	private static final String SEED = """
			{
			  "accounts": [{"access_key": "containerkey", "access_secret": "containersecret"}],
			  "apps": [{"access_key": "containerkey", "app_id": 2000, "app_name": "Container", "app_key": "ctrApp1"}],
			  "phones": [{"phone": "15550000777", "app_key": "ctrApp1", "verified_name": "Container",
			              "status": "FLAGGED"}]
			}
			""";

	@Container
	static final NxCloudSimulatorContainer simulator = new NxCloudSimulatorContainer().withSeed(SEED);

	@Test
	void answersTheDemoAccount() {
		try (TestClient client = new TestClient(simulator.getBaseUrl(), simulator.getAccessKey(),
				simulator.getAccessSecret())) {
			Response response = client.post("/api/wa/getPhone", "getPhone",
					"{\"appkey\":\"" + simulator.getAppKey() + "\",\"messaging_product\":\"whatsapp\"}");
			assertThat(response.status()).isEqualTo(200);
			JsonNode phone = TestClient.JSON.readTree(response.body())
				.get("data")
				.get(simulator.getBusinessPhone())
				.get(0);
			assertThat(phone.get("status").asString()).isEqualTo("CONNECTED");
		}
	}

	@Test
	void answersAnAccountOfTheAddedSeed() {
		try (TestClient client = new TestClient(simulator.getBaseUrl(), "containerkey", "containersecret")) {
			Response response = client.post("/api/wa/getPhone", "getPhone",
					"{\"appkey\":\"ctrApp1\",\"messaging_product\":\"whatsapp\"}");
			assertThat(response.status()).isEqualTo(200);
			JsonNode phone = TestClient.JSON.readTree(response.body()).get("data").get("15550000777").get(0);
			assertThat(phone.get("status").asString()).isEqualTo("FLAGGED");
		}
	}

	@Test
	void baseUrlMatchesTheNetworkMode() {
		if (simulator.isHostNetwork()) {
			assertThat(simulator.getBaseUrl()).startsWith("http://127.0.0.1:");
		}
		else {
			assertThat(simulator.getBaseUrl())
				.endsWith(":" + simulator.getMappedPort(NxCloudSimulatorContainer.SIMULATOR_PORT));
		}
	}

}
