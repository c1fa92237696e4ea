package dev.nxcloud.boot.autoconfigure.health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.whatsapp.phone.BusinessPhones;
import dev.nxcloud.whatsapp.phone.NxCloudPhoneService;
import dev.nxcloud.whatsapp.phone.PhoneInfo;
import dev.nxcloud.boot.health.NxCloudHealthIndicator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class NxCloudHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, WebClientAutoConfiguration.class,
				NxCloudAutoConfiguration.class, HealthContributorAutoConfiguration.class,
				NxCloudHealthContributorAutoConfiguration.class));

	@Test
	void contributesOneIndicatorNamedNxcloud() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ReactiveHealthContributor.class);
			assertThat(context.getBean("nxcloudHealthContributor")).isInstanceOf(NxCloudHealthIndicator.class);
			NxCloudHealthProperties properties = context.getBean(NxCloudHealthProperties.class);
			assertThat(properties.getTimeToLive()).isEqualTo(Duration.ofSeconds(30));
			assertThat(properties.getTimeout()).isEqualTo(Duration.ofSeconds(5));
			assertThat(properties.getQualityRating().getYellow()).isEqualTo("UP");
			assertThat(properties.getQualityRating().getRed()).isEqualTo("DOWN");
		});
	}

	@Test
	void propertiesShapeTheIndicator() {
		this.runner.withUserConfiguration(RedPhone.class)
			.withPropertyValues("management.health.nxcloud.quality-rating.red=warning",
					"management.health.nxcloud.business-phones=15550000001,15550000002",
					"management.health.nxcloud.time-to-live=2m", "management.health.nxcloud.timeout=1s")
			.run((context) -> {
				NxCloudHealthProperties properties = context.getBean(NxCloudHealthProperties.class);
				assertThat(properties.getBusinessPhones()).containsExactly("15550000001", "15550000002");
				assertThat(properties.getTimeToLive()).isEqualTo(Duration.ofMinutes(2));
				ReactiveHealthIndicator indicator = context.getBean("nxcloudHealthContributor",
						ReactiveHealthIndicator.class);
				Health health = indicator.health().block(Duration.ofSeconds(5));
				assertThat(health.getStatus()).as("a missing phone is worse than a RED rating").isEqualTo(Status.DOWN);
				assertThat(health.getDetails()).containsEntry("reason",
						"business phone 15550000002 is not reported by NxCloud; "
								+ "business phone 15550000001 has quality rating RED");
				assertThat(context.getBean(RedPhone.class).requests).hasSize(1)
					.allSatisfy((request) -> assertThat(request).containsExactly("15550000001", "15550000002"));
			});
	}

	@Test
	void qualityRatingStatusIsConfigurable() {
		this.runner.withUserConfiguration(RedPhone.class)
			.withPropertyValues("management.health.nxcloud.quality-rating.red=warning")
			.run((context) -> assertThat(context.getBean("nxcloudHealthContributor", ReactiveHealthIndicator.class)
				.health()
				.block(Duration.ofSeconds(5))
				.getStatus()).isEqualTo(new Status("WARNING")));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("management.health.nxcloud.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveHealthContributor.class)
				.doesNotHaveBean(NxCloudHealthProperties.class));
	}

	@Test
	void backsOffWhenAllHealthIndicatorsAreDisabledByDefault() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReactiveHealthContributor.class));
	}

	@Test
	void backsOffWithoutActuatorHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(ReactiveHealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(NxCloudPhoneService.class)
				.doesNotHaveBean(ReactiveHealthContributor.class));
	}

	@Test
	void backsOffWithoutAPhoneService() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(NxCloudHealthContributorAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReactiveHealthContributor.class));
	}

	@Test
	void userContributorWins() {
		this.runner
			.withBean("nxcloudHealthContributor", ReactiveHealthIndicator.class,
					() -> () -> Mono.just(Health.up().build()))
			.run((context) -> assertThat(context.getBean("nxcloudHealthContributor"))
				.isNotInstanceOf(NxCloudHealthIndicator.class));
	}

	@Test
	void twoAccountsMakeACompositeWithOneChildPerPhoneService() {
		this.runner.withUserConfiguration(TwoAccounts.class).run((context) -> {
			ReactiveHealthContributor contributor = context.getBean("nxcloudHealthContributor",
					ReactiveHealthContributor.class);
			assertThat(contributor).isInstanceOf(CompositeReactiveHealthContributor.class);
			CompositeReactiveHealthContributor composite = (CompositeReactiveHealthContributor) contributor;
			List<String> names = new ArrayList<>();
			composite.stream().forEach((child) -> names.add(child.name()));
			assertThat(names).containsExactlyInAnyOrder("salesPhones", "supportPhones");
			Health sales = ((ReactiveHealthIndicator) composite.getContributor("salesPhones")).health()
				.block(Duration.ofSeconds(5));
			Health support = ((ReactiveHealthIndicator) composite.getContributor("supportPhones")).health()
				.block(Duration.ofSeconds(5));
			assertThat(sales.getStatus()).isEqualTo(Status.UP);
			assertThat(support.getStatus()).isEqualTo(Status.DOWN);
		});
	}

	private static NxCloudPhoneService fixed(String phone, PhoneInfo.Status status) {
		PhoneInfo info = new PhoneInfo("+" + phone, PhoneInfo.QualityRating.GREEN, "Name", PhoneInfo.NameStatus.APPROVED,
				status, PhoneInfo.MessagingLimit.TIER_1K, PhoneInfo.CodeVerificationStatus.VERIFIED);
		return (request) -> Mono.just(new BusinessPhones(Map.of(phone, List.of(info))));
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoAccounts {

		@Bean
		NxCloudPhoneService salesPhones() {
			return fixed("15550000001", PhoneInfo.Status.CONNECTED);
		}

		@Bean
		NxCloudPhoneService supportPhones() {
			return fixed("15550000002", PhoneInfo.Status.DISCONNECTED);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RedPhone {

		final List<List<String>> requests = new ArrayList<>();

		@Bean
		NxCloudPhoneService redPhones() {
			PhoneInfo info = new PhoneInfo("+15550000001", PhoneInfo.QualityRating.RED, "Name",
					PhoneInfo.NameStatus.APPROVED, PhoneInfo.Status.CONNECTED, PhoneInfo.MessagingLimit.TIER_1K,
					PhoneInfo.CodeVerificationStatus.VERIFIED);
			return (request) -> {
				this.requests.add(request.businessPhones());
				return Mono.just(new BusinessPhones(Map.of("15550000001", List.of(info))));
			};
		}

	}

}
