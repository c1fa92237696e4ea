package dev.nxcloud.whatsapp;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.nxcloud.whatsapp.testsupport.RecordingServer;
import dev.nxcloud.whatsapp.testsupport.TestClients;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscription;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Operators;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A call with no pacing or retry wait runs on the HTTP client's event loop alone, against a real server on loopback:
 * every signal of every operator it is made of is delivered by a Reactor Netty event-loop thread, and it schedules
 * nothing on a Reactor scheduler (no timer per call on {@code parallel-*}, no hand-off to {@code boundedElastic-*}).
 */
class NxCloudClientThreadsTests {

	private static final String HOOK = NxCloudClientThreadsTests.class.getName();

	private static final String SUCCESS = "{\"code\":0,\"message\":\"ok\",\"data\":{\"phone\":\"8613800000000\"},"
			+ "\"traceId\":\"t-1\"}";

	private final RecordingServer server = new RecordingServer().reply(SUCCESS);

	/** The threads that delivered a signal of an operator of the call. */
	private final Set<String> signalThreads = ConcurrentHashMap.newKeySet();

	/** The threads that scheduled a task on a Reactor scheduler while the call ran. */
	private final Set<String> schedulingThreads = ConcurrentHashMap.newKeySet();

	@AfterEach
	void close() {
		Hooks.resetOnEachOperator(HOOK);
		Schedulers.resetOnScheduleHook(HOOK);
		this.server.close();
	}

	@Test
	void aCallIsRunByTheEventLoopAlone() {
		NxCloudClient client = TestClients.builder(this.server.baseUrl()).build();
		JsonNode data = recorded(() -> getPhone(client));
		assertThat(data.get("phone").asString()).isEqualTo("8613800000000");
		assertOnlyTheEventLoopRanTheCall();
	}

	@Test
	void anObservedCallOnAGivenWebClientIsRunByTheEventLoopAlone() {
		Set<String> observationThreads = ConcurrentHashMap.newKeySet();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				observationThreads.add(Thread.currentThread().getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		NxCloudClient client = TestClients.builder(this.server.baseUrl(), ClientConnector.REACTOR_NETTY)
			.observationRegistry(registry)
			.build();
		// the first request shows the client that the connector given is Reactor Netty
		getPhone(client).block(Duration.ofSeconds(10));
		observationThreads.clear();
		recorded(() -> getPhone(client));
		assertOnlyTheEventLoopRanTheCall();
		assertThat(observationThreads).isNotEmpty().allMatch(NxCloudClientThreadsTests::isEventLoop);
	}

	private static Mono<JsonNode> getPhone(NxCloudClient client) {
		return client.call(NxCloudOperation.GET_PHONE).jsonBody(Map.of("appkey", "a")).retrieve(JsonNode.class);
	}

	// the hooks see the operators assembled, and the tasks scheduled, after they are installed
	private <T> T recorded(java.util.function.Supplier<Mono<T>> call) {
		Schedulers.onScheduleHook(HOOK, (task) -> {
			this.schedulingThreads.add(Thread.currentThread().getName());
			return task;
		});
		Hooks.onEachOperator(HOOK, Operators.lift((scannable, subscriber) -> new ThreadRecorder<>(subscriber)));
		try {
			return call.get().block(Duration.ofSeconds(10));
		}
		finally {
			Hooks.resetOnEachOperator(HOOK);
			Schedulers.resetOnScheduleHook(HOOK);
		}
	}

	private void assertOnlyTheEventLoopRanTheCall() {
		assertThat(this.schedulingThreads).as("threads that scheduled a task on a Reactor scheduler").isEmpty();
		assertThat(this.signalThreads).as("threads that delivered a signal of the call")
			.isNotEmpty()
			.allMatch(NxCloudClientThreadsTests::isEventLoop);
	}

	private static boolean isEventLoop(String threadName) {
		return threadName.startsWith("reactor-http-");
	}

	private final class ThreadRecorder<T> implements CoreSubscriber<T> {

		private final CoreSubscriber<? super T> delegate;

		ThreadRecorder(CoreSubscriber<? super T> delegate) {
			this.delegate = delegate;
		}

		@Override
		public void onSubscribe(Subscription subscription) {
			this.delegate.onSubscribe(subscription);
		}

		@Override
		public void onNext(T value) {
			record();
			this.delegate.onNext(value);
		}

		@Override
		public void onError(Throwable error) {
			record();
			this.delegate.onError(error);
		}

		@Override
		public void onComplete() {
			record();
			this.delegate.onComplete();
		}

		@Override
		public Context currentContext() {
			return this.delegate.currentContext();
		}

		private void record() {
			NxCloudClientThreadsTests.this.signalThreads.add(Thread.currentThread().getName());
		}

	}

}
