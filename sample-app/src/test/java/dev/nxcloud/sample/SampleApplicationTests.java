package dev.nxcloud.sample;

import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import dev.nxcloud.simulator.NxCloudSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@Autowired
	private WhatsAppDemo demo;

	@Autowired
	private NxCloudSimulator simulator;

	@Autowired
	private NxCloudConnectionDetails connectionDetails;

	@Test
	void withoutCredentialsTheDemoRunsAgainstTheEmbeddedSimulator() {
		assertThat(this.connectionDetails.getApiUrl()).isEqualTo(this.simulator.baseUrl()).startsWith("http://127.0.0.1:");
		assertThat(this.demo.report()).contains("phone 15550000001: CONNECTED, quality GREEN, tier TIER_1K, name 'NxCloud Simulator'");
		assertThat(this.demo.report()).filteredOn((line) -> line.matches("template \\w+ \\(.*")).hasSize(3)
			.anyMatch((line) -> line.startsWith("template order_update (en_US, UTILITY)"));
		assertThat(this.demo.report()).filteredOn((line) -> line.contains("failed")).isEmpty();
		assertThat(this.simulator.messages()).hasSize(3);
		for (var message : this.simulator.messages()) {
			assertThat(this.demo.report()).contains("statuses of " + message.id() + ": [sent, delivered, read]");
		}
	}

}
