package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;

/**
 * Context runners for the tests of {@code nxcloud.http.*}: the application's HTTP client auto-configurations (SSL
 * bundles, {@code spring.http.clients.*}, {@code WebClient}) with the starter's.
 */
final class NxCloudHttpContextRunners {

	private NxCloudHttpContextRunners() {
	}

	/**
	 * A runner with Boot's HTTP client auto-configurations and the starter's.
	 * @return the runner
	 */
	static ApplicationContextRunner withHttpClients() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class,
				HttpClientAutoConfiguration.class, ReactiveHttpClientAutoConfiguration.class,
				WebClientAutoConfiguration.class, NxCloudAutoConfiguration.class));
	}

	/**
	 * A runner whose client calls the simulator, with its demo account, and does not retry.
	 * @param simulator the simulator
	 * @return the runner
	 */
	static ApplicationContextRunner connectedTo(NxCloudSimulator simulator) {
		DemoAccount demo = simulator.demoAccount();
		return withHttpClients().withPropertyValues("nxcloud.retry.enabled=false",
				"nxcloud.api-url=" + simulator.baseUrl(), "nxcloud.saas-url=" + simulator.baseUrl(),
				"nxcloud.access-key=" + demo.accessKey(), "nxcloud.access-secret=" + demo.accessSecret(),
				"nxcloud.app-key=" + demo.appKey(), "nxcloud.business-phone=" + demo.businessPhone());
	}

}
