package dev.nxcloud.boot.fleet;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import dev.nxcloud.boot.autoconfigure.NxCloudAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudRedisAutoConfiguration;
import dev.nxcloud.boot.autoconfigure.NxCloudWebhookAutoConfiguration;
import dev.nxcloud.boot.redis.LocalRedis;
import dev.nxcloud.boot.redis.RedisWebhookDeliveryStore;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.webhook.MessageStatusEvent;
import dev.nxcloud.whatsapp.webhook.WebhookDeliveryStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances of an application behind a load balancer share one Redis delivery store: NxCloud's callbacks (signed
 * status callbacks the simulator sent for a message) are delivered, and delivered again, to whichever instance, and
 * each event reaches the listeners of the fleet once.
 */
@EnabledIf("dev.nxcloud.boot.redis.LocalRedis#availableOrRequired")
class FleetWebhookTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(NxCloudAutoConfiguration.class,
			NxCloudWebhookAutoConfiguration.class, DataRedisAutoConfiguration.class,
			DataRedisReactiveAutoConfiguration.class, NxCloudRedisAutoConfiguration.class);

	private final NxCloudSimulator simulator = NxCloudSimulator.builder().port(0).build().start();

	private final DemoAccount demo = this.simulator.demoAccount();

	/** What the listeners of every instance were handed: "instance-N message-id:status". */
	private final List<String> handed = new CopyOnWriteArrayList<>();

	private final AtomicInteger instances = new AtomicInteger();

	private final String[] properties = { "nxcloud.access-key=" + this.demo.accessKey(),
			"nxcloud.access-secret=" + this.demo.accessSecret(), "nxcloud.webhook.enabled=true",
			"nxcloud.webhook.verify-signature=true", "nxcloud.webhook.deduplication.store=redis",
			"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + LocalRedis.port() };

	private final ReactiveWebApplicationContextRunner webFluxInstance = new ReactiveWebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withUserConfiguration(WebFlux.class)
		.withPropertyValues(this.properties)
		.withBean(Listener.class, () -> new Listener("instance-" + this.instances.incrementAndGet(), this.handed));

	private final WebApplicationContextRunner mvcInstance = new WebApplicationContextRunner()
		.withConfiguration(CONFIGURATIONS)
		.withUserConfiguration(WebMvc.class)
		.withPropertyValues(this.properties)
		.withBean(Listener.class, () -> new Listener("instance-" + this.instances.incrementAndGet(), this.handed));

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void theSameCallbackDeliveredToThreeInstancesAtOnceReachesTheListenersOnceTheOthersAnswer200Or503() {
		List<RecordingServer.Recorded> callbacks = Callbacks.fromNxCloud(this.simulator);
		Fleet.run(this.webFluxInstance, 3, (fleet) -> {
			assertThat(fleet).allSatisfy((instance) -> assertThat(instance).getBean(WebhookDeliveryStore.class)
				.isInstanceOf(RedisWebhookDeliveryStore.class));
			for (RecordingServer.Recorded callback : callbacks) {
				CyclicBarrier together = new CyclicBarrier(fleet.size());
				List<CompletableFuture<Integer>> deliveries = fleet.stream()
					.map((instance) -> CompletableFuture.supplyAsync(() -> {
						arrive(together);
						return deliver(instance, callback);
					}))
					.toList();
				List<Integer> answers = deliveries.stream().map(CompletableFuture::join).toList();
				assertThat(answers).contains(200).allSatisfy((answer) -> assertThat(answer).isIn(200, 503));
				for (int i = 0; i < answers.size(); i++) {
					if (answers.get(i) == 503) {
						// was in progress on another instance: NxCloud delivers it again, and it is known by then
						assertThat(deliver(fleet.get(i), callback)).isEqualTo(200);
					}
				}
			}
		});
		assertThat(this.handed).hasSize(3);
		assertThat(this.handed.stream().map((handed) -> handed.substring(handed.indexOf(' ') + 1)))
			.containsExactlyInAnyOrder(messageId(callbacks) + ":sent", messageId(callbacks) + ":delivered",
					messageId(callbacks) + ":read");
	}

	@Test
	void aListenerFailureOnOneInstanceLetsTheRedeliveryOnAnotherBeHandled() {
		RecordingServer.Recorded delivered = Callbacks.fromNxCloud(this.simulator).get(1);
		this.webFluxInstance.run((failing) -> this.mvcInstance.run((healthy) -> {
			failing.getBean(Listener.class).fail = true;
			assertThat(deliver(failing, delivered)).isEqualTo(500);
			assertThat(this.handed).isEmpty();
			assertThat(deliver(healthy, delivered)).isEqualTo(200);
			assertThat(this.handed).containsExactly("instance-2 " + messageId(delivered) + ":delivered");
			failing.getBean(Listener.class).fail = false;
			assertThat(deliver(failing, delivered)).isEqualTo(200);
			assertThat(this.handed).hasSize(1);
		}));
	}

	@Test
	void aRestartedInstanceStillRecognisesWhatTheFleetHandled() {
		RecordingServer.Recorded read = Callbacks.fromNxCloud(this.simulator).get(2);
		this.webFluxInstance.run((instance) -> assertThat(deliver(instance, read)).isEqualTo(200));
		assertThat(this.handed).containsExactly("instance-1 " + messageId(read) + ":read");
		this.webFluxInstance.run((restarted) -> {
			assertThat(deliver(restarted, read)).isEqualTo(200);
			assertThat(restarted.getBean(Listener.class).name).isEqualTo("instance-2");
		});
		assertThat(this.handed).hasSize(1);
	}

	private static String messageId(List<RecordingServer.Recorded> callbacks) {
		return Callbacks.messageId(callbacks.get(0));
	}

	private static String messageId(RecordingServer.Recorded callback) {
		return Callbacks.messageId(callback);
	}

	private static int deliver(ApplicationContext instance, RecordingServer.Recorded callback) {
		return Callbacks.deliver(instance, callback);
	}

	private static void arrive(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebFlux
	static class WebFlux {

	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class WebMvc {

	}

	static class Listener {

		final String name;

		private final List<String> handed;

		volatile boolean fail;

		Listener(String name, List<String> handed) {
			this.name = name;
			this.handed = handed;
		}

		@EventListener
		void on(MessageStatusEvent event) {
			if (this.fail) {
				throw new IllegalStateException("listener failed");
			}
			this.handed.add(this.name + " " + event.status().id() + ":" + event.status().status().name().toLowerCase());
		}

	}

}
