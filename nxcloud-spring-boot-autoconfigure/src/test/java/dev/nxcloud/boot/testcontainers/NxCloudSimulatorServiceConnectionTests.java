package dev.nxcloud.boot.testcontainers;

import java.time.Duration;

import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfo;
import dev.nxcloud.simulator.testcontainers.NxCloudSimulatorContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @ServiceConnection} simulator container supplies the whole account: no {@code nxcloud.*} property is
 * configured, yet the auto-configured client reaches the simulator, signs with its demo account and sends with its
 * app, business phone and tenant.
 * Needs Docker: skipped without it, except where the build requires it (see {@link DockerEngine}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Testcontainers
@EnabledIf("dev.nxcloud.boot.testcontainers.DockerEngine#availableOrRequired")
class NxCloudSimulatorServiceConnectionTests {

	@Container
	@ServiceConnection
	static final NxCloudSimulatorContainer simulator = new NxCloudSimulatorContainer();

	@Autowired
	private NxCloudConnectionDetails connectionDetails;

	@Autowired
	private NxCloudPhoneService phones;

	@Test
	void connectionDetailsPointAtTheContainer() {
		assertThat(this.connectionDetails.getClass().getName()).contains("NxCloudSimulatorContainer");
		assertThat(this.connectionDetails.getApiUrl()).isEqualTo(simulator.getBaseUrl());
		assertThat(this.connectionDetails.getSaasUrl()).isEqualTo(simulator.getBaseUrl());
		assertThat(this.connectionDetails.getAccessKey()).isEqualTo(simulator.getAccessKey());
		assertThat(this.connectionDetails.getAccessSecret()).isEqualTo(simulator.getAccessSecret());
		assertThat(this.connectionDetails.getAppKey()).isEqualTo(simulator.getAppKey());
		assertThat(this.connectionDetails.getBusinessPhone()).isEqualTo(simulator.getBusinessPhone());
		assertThat(this.connectionDetails.getTenantId()).isEqualTo(simulator.getTenantId());
	}

	@Test
	void getPhonesReturnsTheDemoPhoneConnected() {
		BusinessPhones phones = this.phones.getPhones().block(Duration.ofSeconds(30));
		assertThat(phones).isNotNull();
		assertThat(phones.phones()).containsOnlyKeys(simulator.getBusinessPhone());
		assertThat(phones.get(simulator.getBusinessPhone())).get()
			.extracting(PhoneInfo::status)
			.isEqualTo(PhoneInfo.Status.CONNECTED);
	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class TestConfiguration {

	}

}
