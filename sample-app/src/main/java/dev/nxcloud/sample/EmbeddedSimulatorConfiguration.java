package dev.nxcloud.sample;

import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code nxcloud.access-key} the sample starts an embedded NxCloud simulator on a loopback port and connects
 * to it with the simulator's demo account. The demo credentials are only ever paired with the simulator's URL, so
 * they can never reach the real NxCloud; as soon as credentials are configured, no simulator starts and the
 * configured {@code nxcloud.api-url} and {@code nxcloud.saas-url} are used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${nxcloud.access-key:}'.isBlank()")
class EmbeddedSimulatorConfiguration {

	@Bean(destroyMethod = "close")
	NxCloudSimulator nxCloudSimulator() {
		return NxCloudSimulator.builder().port(0).build().start();
	}

	@Bean
	NxCloudConnectionDetails simulatorConnectionDetails(NxCloudSimulator simulator) {
		return new SimulatorConnectionDetails(simulator.baseUrl(), simulator.demoAccount());
	}

	private record SimulatorConnectionDetails(String baseUrl, DemoAccount account) implements NxCloudConnectionDetails {

		@Override
		public String getApiUrl() {
			return this.baseUrl;
		}

		@Override
		public String getSaasUrl() {
			return this.baseUrl;
		}

		@Override
		public @Nullable String getAccessKey() {
			return this.account.accessKey();
		}

		@Override
		public @Nullable String getAccessSecret() {
			return this.account.accessSecret();
		}

		@Override
		public String toString() {
			return "SimulatorConnectionDetails[" + this.baseUrl + "]";
		}

	}

}
