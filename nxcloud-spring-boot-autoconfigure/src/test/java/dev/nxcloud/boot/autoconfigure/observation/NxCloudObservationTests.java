package dev.nxcloud.boot.autoconfigure.observation;

import java.time.Duration;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.error.NxCloudAuthenticationException;
import dev.nxcloud.whatsapp.observation.DefaultNxCloudClientObservationConvention;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationContext;
import dev.nxcloud.whatsapp.observation.NxCloudClientObservationConvention;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfoRequest;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webclient.autoconfigure.WebClientObservationAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every NxCloud call is an observation that joins Boot's {@code http.client.requests} observation of the underlying
 * exchange, and yields a timer whose tags carry no phone number, app key or message id.
 */
class NxCloudObservationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	@AfterEach
	void close() {
		this.simulator.close();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
					WebClientObservationAutoConfiguration.class, NxCloudAutoConfiguration.class))
			.withPropertyValues("nxcloud.api-url=" + this.simulator.baseUrl(),
					"nxcloud.saas-url=" + this.simulator.baseUrl(), "nxcloud.access-key=" + this.demo.accessKey(),
					"nxcloud.access-secret=" + this.demo.accessSecret(), "nxcloud.app-key=" + this.demo.appKey());
	}

	@Test
	void callIsAnObservationWithLowAndHighCardinalityKeysAndParentOfTheHttpClientObservation() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		runner().withBean(ObservationRegistry.class, () -> registry).run((context) -> {
			context.getBean(NxCloudPhoneService.class).getPhones().block(TIMEOUT);
			TestObservationRegistryAssert.assertThat(registry)
				.hasNumberOfObservationsWithNameEqualTo("nxcloud.client.requests", 1)
				.hasObservationWithNameEqualTo("nxcloud.client.requests")
				.that()
				.hasContextualNameEqualTo("nxcloud getPhone")
				.hasLowCardinalityKeyValue("nxcloud.group", "phone")
				.hasLowCardinalityKeyValue("nxcloud.operation", "getPhone")
				.hasLowCardinalityKeyValue("outcome", "SUCCESS")
				.hasLowCardinalityKeyValue("nxcloud.code", "0")
				.hasLowCardinalityKeyValue("exception", "none")
				.hasHighCardinalityKeyValueWithKey("nxcloud.trace.id")
				.hasBeenStarted()
				.hasBeenStopped();
			TestObservationRegistryAssert.assertThat(registry)
				.hasObservationWithNameEqualTo("http.client.requests")
				.that()
				.hasParentObservationContextMatching(
						(parent) -> parent instanceof NxCloudClientObservationContext);
		});
	}

	@Test
	void failureCarriesNxCloudsCodeAndTheExceptionClass() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		runner().withBean(ObservationRegistry.class, () -> registry)
			.withPropertyValues("nxcloud.access-secret=wrong-secret")
			.run((context) -> {
				StepVerifier.create(context.getBean(NxCloudPhoneService.class).getPhones())
					.expectError(NxCloudAuthenticationException.class)
					.verify(TIMEOUT);
				TestObservationRegistryAssert.assertThat(registry)
					.hasObservationWithNameEqualTo("nxcloud.client.requests")
					.that()
					.hasLowCardinalityKeyValue("outcome", "NXCLOUD_ERROR")
					.hasLowCardinalityKeyValue("nxcloud.code", "1003")
					.hasLowCardinalityKeyValue("exception", "NxCloudAuthenticationException")
					.hasError()
					.hasBeenStopped();
			});
	}

	@Test
	void timersOfBothObservationsCountTheCallsWithoutPhoneNumbersOrKeysInTheirTags() {
		runner()
			.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class,
					MetricsAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class))
			.run((context) -> {
				NxCloudPhoneService phones = context.getBean(NxCloudPhoneService.class);
				phones.getPhones().block(TIMEOUT);
				phones.getPhones().block(TIMEOUT);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters).isInstanceOf(SimpleMeterRegistry.class);
				Timer nxcloud = meters.get("nxcloud.client.requests")
					.tags("nxcloud.operation", "getPhone", "outcome", "SUCCESS")
					.timer();
				assertThat(nxcloud.count()).isEqualTo(2);
				assertThat(meters.get("http.client.requests").timer().count()).isEqualTo(2);
				meters.getMeters()
					.stream()
					.filter((meter) -> meter.getId().getName().startsWith("nxcloud"))
					.flatMap((meter) -> meter.getId().getTags().stream())
					.forEach((tag) -> assertThat(tag.getValue()).doesNotContain(this.demo.businessPhone())
						.doesNotContain(this.demo.appKey())
						.doesNotContain(this.demo.accessKey()));
			});
	}

	@Test
	void userConventionWins() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		runner().withBean(ObservationRegistry.class, () -> registry)
			.withBean(NxCloudClientObservationConvention.class,
					() -> new DefaultNxCloudClientObservationConvention("whatsapp.calls"))
			.run((context) -> {
				context.getBean(NxCloudPhoneService.class).getPhones().block(TIMEOUT);
				TestObservationRegistryAssert.assertThat(registry)
					.hasNumberOfObservationsWithNameEqualTo("whatsapp.calls", 1)
					.hasNumberOfObservationsWithNameEqualTo("nxcloud.client.requests", 0);
			});
	}

	@Test
	void handBuiltClientObservesACallThatCannotBeMade() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		NxCloudClient observed = NxCloudClient.builder()
			.connection(TestClients.connection("http://127.0.0.1:1", "k", null))
			.observationRegistry(registry)
			.build();
		StepVerifier.create(observed.phones().getPhones(PhoneInfoRequest.all().withAppKey("app")))
			.expectError()
			.verify(TIMEOUT);
		TestObservationRegistryAssert.assertThat(registry)
			.hasObservationWithNameEqualTo("nxcloud.client.requests")
			.that()
			.hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
			.hasLowCardinalityKeyValue("nxcloud.code", "none")
			.hasLowCardinalityKeyValue("exception", "NxCloudConfigurationException");
	}

}
