package dev.nxcloud.sample;

import dev.nxcloud.boot.autoconfigure.NxCloudConnectionDetails;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.simulator.state.App;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.io.ClassPathResource;

/**
 * Without {@code nxcloud.access-key} the sample starts an embedded NxCloud simulator on a loopback port and connects
 * to it with the simulator's demo account: its credentials, app, business phone and tenant. The demo credentials are only ever paired with the simulator's URL, so
 * they can never reach the real NxCloud; as soon as credentials are configured, no simulator starts and the
 * configured {@code nxcloud.api-url} and {@code nxcloud.saas-url} are used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${nxcloud.access-key:}'.isBlank()")
@ImportRuntimeHints(EmbeddedSimulatorConfiguration.SimulatorHints.class)
class EmbeddedSimulatorConfiguration {

	@Bean(destroyMethod = "close")
	NxCloudSimulator nxCloudSimulator() {
		return NxCloudSimulator.builder().port(0).build().start();
	}

	@Bean
	NxCloudConnectionDetails simulatorConnectionDetails(NxCloudSimulator simulator) {
		return new SimulatorConnectionDetails(simulator.baseUrl(), simulator.demoAccount());
	}

	/**
	 * Once this application listens, point the demo app's webhook at the starter's webhook endpoint, as one would in
	 * the NxCloud console, so that callbacks of messages sent without {@code dr_webhook} arrive too.
	 */
	@Bean
	ApplicationListener<WebServerInitializedEvent> demoAppWebhook(NxCloudSimulator simulator,
			@Value("${nxcloud.webhook.path:/nxcloud/webhook}") String webhookPath) {
		return (event) -> {
			String appKey = simulator.demoAccount().appKey();
			App app = simulator.state().app(appKey).orElseThrow();
			String webhook = "http://127.0.0.1:" + event.getWebServer().getPort() + webhookPath;
			simulator.state()
				.addApp(new App(app.accessKey(), app.appId(), app.appName(), app.appKey(), webhook));
		};
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
		public String getAppKey() {
			return this.account.appKey();
		}

		@Override
		public String getBusinessPhone() {
			return this.account.businessPhone();
		}

		@Override
		public Long getTenantId() {
			return this.account.tenantId();
		}

		@Override
		public String toString() {
			return "SimulatorConnectionDetails[" + this.baseUrl + "]";
		}

	}

	/**
	 * The simulator reads its demo account from a classpath resource, which a native image must include.
	 */
	static class SimulatorHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			hints.resources().registerResource(new ClassPathResource("demo-seed.json", NxCloudSimulator.class));
		}

	}

}
