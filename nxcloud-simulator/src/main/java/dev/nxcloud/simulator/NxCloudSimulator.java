package dev.nxcloud.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import dev.nxcloud.simulator.ApiHandler.Call;
import dev.nxcloud.simulator.ApiHandler.Result;
import dev.nxcloud.simulator.state.AcceptedMessage;
import dev.nxcloud.simulator.state.BoundedHistory;
import dev.nxcloud.simulator.state.SimulatorState;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An offline, stateful HTTP simulator of NxCloud's WhatsApp Business API, bound to {@code 127.0.0.1}. Both of
 * NxCloud's hosts ({@code api2.nxcloud.com/api/wa/...} and {@code api.nxcloud.com/saas/wa/...}) are served on one
 * port. It checks signatures, timestamps, parameters and business rules like NxCloud, keeps apps, phones, templates,
 * flows, media and messages, posts signed status callbacks to loopback webhooks, records what it received, and
 * injects faults on demand.
 *
 * <pre>{@code
 * try (NxCloudSimulator sim = NxCloudSimulator.builder().build().start()) {
 *     String baseUrl = sim.baseUrl();               // http://127.0.0.1:PORT
 *     DemoAccount demo = sim.demoAccount();         // accessKey, accessSecret, appKey, businessPhone, tenantId
 *     sim.faults().on(Endpoint.MT).next(1).respond(Fault.httpStatus(502));
 *     sim.clock().shift(Duration.ofSeconds(61));    // every ts is now 61 s behind: 1004
 * }
 * }</pre>
 */
public final class NxCloudSimulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(NxCloudSimulator.class);

	private static final String LOOPBACK = "127.0.0.1";

	private static final byte[] EMPTY = new byte[0];

	private final String host;

	private final int requestedPort;

	private final boolean fastPath;

	private final @Nullable SimulatorTls tls;

	private final SimulatorClock clock;

	private final SimulatorState state;

	private final Faults faults;

	private final JsonMapper json = JsonMapper.builder().build();

	private final ApiHandler api;

	private final CallbackDispatcher callbacks;

	private final BoundedHistory<RecordedRequest> requests;

	private final boolean demoSeeded;

	private final ChannelGroup connections = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);

	private volatile @Nullable DisposableServer server;

	private NxCloudSimulator(Builder builder) {
		this.host = builder.host;
		this.requestedPort = builder.port;
		this.fastPath = builder.fastPath;
		this.tls = builder.tls;
		this.clock = new SimulatorClock(builder.clock);
		this.state = new SimulatorState(this.clock, builder.messageCapacity);
		this.faults = new Faults(new Random(builder.randomSeed));
		this.api = new ApiHandler(this.state, this.clock, this.json, this::baseUrl, builder.getPhoneShape,
				new SendLimits(this.clock, builder.messagesPerSecond, builder.burst, builder.pairInterval));
		this.callbacks = new CallbackDispatcher(this.state, this.clock, this.json, builder.callbackInterval,
				builder.callbackCapacity);
		this.requests = new BoundedHistory<>(builder.fastPath ? 0 : builder.requestCapacity);
		this.demoSeeded = builder.demoSeed;
		if (builder.demoSeed) {
			try (InputStream demo = NxCloudSimulator.class.getResourceAsStream("demo-seed.json")) {
				if (demo == null) {
					throw new IllegalStateException("demo-seed.json is missing");
				}
				loadSeed(demo);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		builder.seedFiles.forEach(this::loadSeed);
		builder.initializers.forEach((initializer) -> initializer.accept(this.state));
	}

	/**
	 * A builder with the defaults: random port, demo seed, system clock, fixed random seed, request log of 10 000.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Binds to {@code 127.0.0.1} (or the builder's {@link Builder#host(String) host}) and starts serving.
	 * @return this simulator
	 * @throws IllegalStateException if it is already started
	 */
	public synchronized NxCloudSimulator start() {
		if (this.server != null) {
			throw new IllegalStateException("Already started");
		}
		HttpServer server = HttpServer.create().host(this.host).port(this.requestedPort).channelGroup(this.connections);
		this.server = ((this.tls != null) ? this.tls.secure(server) : server).handle(this::handle)
			.bindNow(Duration.ofSeconds(5));
		return this;
	}

	/**
	 * Stops serving, closing every open connection (including held ones), and stops sending callbacks.
	 */
	@Override
	public synchronized void close() {
		DisposableServer running = this.server;
		this.server = null;
		if (running != null) {
			this.connections.close().awaitUninterruptibly(2000);
			running.disposeNow(Duration.ofSeconds(2));
		}
		this.callbacks.close();
	}

	/**
	 * The base URL of both hosts' paths, e.g. {@code http://127.0.0.1:PORT} ({@code https://} with
	 * {@linkplain Builder#tls(Path, Path) TLS}). When bound to a wildcard address it names {@code 127.0.0.1}.
	 * @return the base URL
	 * @throws IllegalStateException if not started
	 */
	public String baseUrl() {
		return ((this.tls != null) ? "https://" : "http://") + (isWildcard(this.host) ? LOOPBACK : this.host) + ":" + port();
	}

	/**
	 * The address the server binds to.
	 * @return the bind address
	 */
	public String host() {
		return this.host;
	}

	private static boolean isWildcard(String host) {
		return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
	}

	/**
	 * The bound port.
	 * @return the port
	 * @throws IllegalStateException if not started
	 */
	public int port() {
		DisposableServer running = this.server;
		if (running == null) {
			throw new IllegalStateException("Not started");
		}
		return running.port();
	}

	/**
	 * The demo credentials, accepted unless the builder turned the demo seed off.
	 * @return the demo account
	 */
	public DemoAccount demoAccount() {
		return DemoAccount.DEFAULT;
	}

	/**
	 * Whether the built-in demo seed was loaded.
	 * @return whether {@link #demoAccount()} is accepted
	 */
	public boolean hasDemoSeed() {
		return this.demoSeeded;
	}

	/**
	 * The state, to seed or inspect it (accounts, apps, phones, tenants, templates, flows, failing recipients,
	 * messages).
	 * @return the state
	 */
	public SimulatorState state() {
		return this.state;
	}

	/**
	 * The fault rules.
	 * @return the faults
	 */
	public Faults faults() {
		return this.faults;
	}

	/**
	 * The clock that {@code ts} is checked against; shift it to test the 60 s rule.
	 * @return the clock
	 */
	public SimulatorClock clock() {
		return this.clock;
	}

	/**
	 * The requests received, oldest first (at most the request log capacity; none in fast-path mode).
	 * @return the requests
	 */
	public List<RecordedRequest> requests() {
		return this.requests.snapshot();
	}

	/**
	 * The requests received for one endpoint, oldest first.
	 * @param endpoint the endpoint
	 * @return the requests
	 */
	public List<RecordedRequest> requests(Endpoint endpoint) {
		return this.requests.snapshot((request) -> request.endpoint() == endpoint);
	}

	/**
	 * How many requests were received, including those no longer kept.
	 * @return the count
	 */
	public long requestCount() {
		return this.requests.totalAdded();
	}

	/**
	 * Forgets the recorded requests and callbacks.
	 */
	public void clearRecordings() {
		this.requests.clear();
		this.callbacks.records().clear();
	}

	/**
	 * The messages accepted, oldest first.
	 * @return the messages
	 */
	public List<AcceptedMessage> messages() {
		return this.state.messages();
	}

	/**
	 * The status callbacks sent or refused, in the order they completed.
	 * @return the callbacks
	 */
	public List<CallbackRecord> callbacks() {
		return this.callbacks.records().snapshot();
	}

	/**
	 * Adds the content of a JSON seed file to the state; see {@link #loadSeed(String)} for the format.
	 * @param file the file
	 * @return this simulator
	 */
	public NxCloudSimulator loadSeed(Path file) {
		try {
			return loadSeed(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds the content of a JSON seed document to the state; see {@link #loadSeed(String)} for the format.
	 * @param json the document
	 * @return this simulator
	 */
	public NxCloudSimulator loadSeed(InputStream json) {
		Seeds.apply(this.json.readTree(json), this.state, this.api.templates());
		return this;
	}

	/**
	 * Adds the content of a JSON seed document to the state. Every section is optional; entries are added in the
	 * order accounts, apps, phones, tenants, templates, flows, failing recipients (the built-in
	 * {@code dev/nxcloud/simulator/demo-seed.json} is a complete example):
	 *
	 * <pre>{@code
	 * {
	 *   "accounts": [{"access_key": "...", "access_secret": "...", "integrator": true}],
	 *   "apps": [{"access_key": "...", "app_id": 1000, "app_name": "...", "app_key": "...", "webhook": "http://127.0.0.1:9000/hook"}],
	 *   "phones": [{"phone": "15550000001", "app_key": "...", "verified_name": "...", "status": "CONNECTED",
	 *               "quality_rating": "GREEN", "current_limit": "TIER_1K", "name_status": "APPROVED",
	 *               "code_verification_status": "VERIFIED", "display_phone_number": "+1 555 000 0001"}],
	 *   "tenants": [{"tenant_id": 1, "access_key": "..."}],
	 *   "templates": [{"phone": "...", "name": "...", "language": "en", "category": "UTILITY", "status": "APPROVED",
	 *                  "content": "Hi {{1}}", "headerText": "...", "footerText": "...", "buttonComponents": [...]}],
	 *   "flows": [{"phone": "...", "id": "...", "name": "...", "status": "PUBLISHED", "categories": ["SIGN_UP"],
	 *              "first_screen": "SIGN_UP"}],
	 *   "failing_recipients": [{"to": "...", "code": 131026, "title": "Message undeliverable"}]
	 * }
	 * }</pre>
	 *
	 * An account is an integrator (it may call {@code createApp}) unless it says {@code "integrator": false}.
	 * Templates take the fields of the SaaS template create body, with the same rules, plus {@code phone},
	 * {@code category} ({@code MARKETING}, {@code UTILITY} or {@code AUTHENTICATION}) and {@code status}. A flow's
	 * {@code first_screen} is the {@code navigate_screen} of the template buttons that open it.
	 * @param json the document
	 * @return this simulator
	 * @throws IllegalArgumentException if an entry is incomplete or refers to an unknown account or app
	 */
	public NxCloudSimulator loadSeed(String json) {
		Seeds.apply(this.json.readTree(json), this.state, this.api.templates());
		return this;
	}

	// HTTP

	private Publisher<Void> handle(HttpServerRequest request, HttpServerResponse response) {
		return request.receive()
			.aggregate()
			.asByteArray()
			.defaultIfEmpty(EMPTY)
			.flatMap((body) -> respond(request, response, body));
	}

	private Mono<Void> respond(HttpServerRequest request, HttpServerResponse response, byte[] body) {
		QueryStringDecoder uri = new QueryStringDecoder(request.uri());
		String method = request.method().name();
		if (method.equals("GET") && uri.path().startsWith("/media/")) {
			return media(response, uri.path().substring("/media/".length()));
		}
		Endpoint endpoint = null;
		Map<String, String> variables = null;
		boolean pathKnown = false;
		for (Endpoint candidate : Endpoint.values()) {
			Map<String, String> match = candidate.match(uri.path());
			if (match != null) {
				pathKnown = true;
				if (candidate.method().equals(method)) {
					endpoint = candidate;
					variables = match;
					break;
				}
			}
		}
		if (endpoint == null || variables == null) {
			record(request, body, null, null, null);
			HttpResponseStatus status = pathKnown ? HttpResponseStatus.METHOD_NOT_ALLOWED : HttpResponseStatus.NOT_FOUND;
			return response.status(status).sendString(Mono.just(status.reasonPhrase())).then();
		}
		Faults.Decision decision = this.faults.decide(endpoint);
		FaultRule rule = decision.decisive();
		Result result = null;
		Call call = new Call(endpoint, variables, uri.parameters(), request.requestHeaders(), body);
		if (rule == null || rule.afterProcessing()) {
			result = this.api.handle(call);
		}
		Fault.ErrorCode error = (rule != null) ? errorAnswer(rule.fault()) : null;
		Integer answered = (error != null) ? Integer.valueOf(error.code())
				: (rule == null && result != null) ? Integer.valueOf(result.code()) : null;
		record(request, body, endpoint, answered, (rule != null) ? rule.fault() : null);
		Result processed = result;
		Endpoint matched = endpoint;
		Mono<Void> answer = Mono.defer(() -> {
			if (error != null) {
				Result failure = this.api.answer(call, error);
				if (processed != null && processed.accepted() != null) {
					this.callbacks.dispatchFailed(processed.accepted(), failure.code(), failure.message());
				}
				return json(response, envelope(failure, matched));
			}
			if (processed != null && processed.accepted() != null) {
				this.callbacks.dispatch(processed.accepted());
			}
			if (rule != null) {
				return fault(rule.fault(), response);
			}
			return json(response, envelope(processed, matched));
		});
		return decision.delay().isZero() ? answer : Mono.delay(decision.delay()).then(answer);
	}

	private byte[] envelope(Result result, Endpoint endpoint) {
		ObjectNode envelope = this.json.createObjectNode();
		int code = result.code();
		envelope.put("code", code);
		envelope.put("message", (code == 0 && endpoint.isSaas()) ? "" : result.message());
		JsonNode data = result.data();
		if (data != null) {
			envelope.set("data", data);
		}
		else {
			envelope.putNull("data");
		}
		envelope.put("traceId", Ids.traceId());
		return this.json.writeValueAsBytes(envelope);
	}

	private Mono<Void> json(HttpServerResponse response, byte[] body) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json;charset=UTF-8")
			.sendByteArray(Mono.just(body))
			.then();
	}

	/**
	 * The NxCloud error a fault answers in a well-formed body ({@code -1} for {@link Fault.RequestFailed}), or
	 * {@code null} for a fault that answers otherwise.
	 */
	private static Fault.@Nullable ErrorCode errorAnswer(Fault fault) {
		if (fault instanceof Fault.ErrorCode error) {
			return error;
		}
		return (fault instanceof Fault.RequestFailed) ? new Fault.ErrorCode(-1, null) : null;
	}

	private Mono<Void> fault(Fault fault, HttpServerResponse response) {
		if (fault instanceof Fault.HttpStatus error) {
			HttpResponseStatus status = HttpResponseStatus.valueOf(error.status());
			String html = "<html><head><title>" + status + "</title></head><body><center><h1>" + status
					+ "</h1></center><hr><center>nginx</center></body></html>";
			String retryAfter = error.retryAfterHeader();
			if (retryAfter != null) {
				response.header(HttpHeaderNames.RETRY_AFTER, retryAfter);
			}
			return response.status(status)
				.header(HttpHeaderNames.CONTENT_TYPE, "text/html;charset=UTF-8")
				.sendString(Mono.just(html))
				.then();
		}
		if (fault instanceof Fault.MalformedBody malformed) {
			return response.header(HttpHeaderNames.CONTENT_TYPE, malformed.contentType())
				.sendString(Mono.just(malformed.body()))
				.then();
		}
		if (fault instanceof Fault.ConnectionReset) {
			response.withConnection((connection) -> {
				connection.channel().config().setOption(ChannelOption.SO_LINGER, 0);
				connection.channel().close();
			});
			return Mono.never();
		}
		// NoResponse: the connection is closed by the client, or by close()
		return Mono.never();
	}

	private Mono<Void> media(HttpServerResponse response, String mediaId) {
		return this.state.media(mediaId)
			.map((media) -> response.header(HttpHeaderNames.CONTENT_TYPE, media.mimeType())
				.sendByteArray(Mono.just(media.content()))
				.then())
			.orElseGet(() -> response.status(HttpResponseStatus.NOT_FOUND).send().then());
	}

	private void record(HttpServerRequest request, byte[] body, @Nullable Endpoint endpoint, @Nullable Integer code,
			@Nullable Fault fault) {
		if (this.fastPath) {
			return;
		}
		if (logger.isDebugEnabled()) {
			logger.debug("{} {} -> {}", request.method(), request.uri(),
					(fault != null) ? fault : (code != null) ? "code " + code : "no endpoint");
		}
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		request.requestHeaders().forEach((header) -> headers.add(Map.entry(header.getKey(), header.getValue())));
		this.requests.add(new RecordedRequest(this.clock.instant(), request.method().name(), request.uri(), headers,
				body, endpoint, code, fault));
	}

	/**
	 * Configures a {@link NxCloudSimulator}.
	 */
	public static final class Builder {

		private String host = LOOPBACK;

		private int port;

		private Clock clock = Clock.systemUTC();

		private long randomSeed = 20240625L;

		private boolean demoSeed = true;

		private boolean fastPath;

		private @Nullable SimulatorTls tls;

		private int requestCapacity = 10_000;

		private int messageCapacity = 100_000;

		private int callbackCapacity = 10_000;

		private Duration callbackInterval = Duration.ofMillis(20);

		private GetPhoneShape getPhoneShape = GetPhoneShape.BY_PHONE_NUMBER;

		private double messagesPerSecond;

		private int burst;

		private @Nullable Duration pairInterval;

		private final List<Path> seedFiles = new ArrayList<>();

		private final List<Consumer<SimulatorState>> initializers = new ArrayList<>();

		private Builder() {
		}

		/**
		 * The address to bind to (default {@code 127.0.0.1}). Only a simulator inside a container needs another one,
		 * such as {@code 0.0.0.0}, so that a mapped port reaches it.
		 * @param host the bind address
		 * @return this builder
		 */
		public Builder host(String host) {
			this.host = host;
			return this;
		}

		/**
		 * The port on the bind address; 0 (the default) picks a free one.
		 * @param port the port
		 * @return this builder
		 */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/**
		 * Serves HTTPS instead of HTTP, with the given certificate chain and unencrypted PKCS#8 private key (PEM
		 * files), for example a self-signed certificate for {@code localhost} and {@code 127.0.0.1}.
		 * @param certificateChain the PEM file of the server certificate (and any intermediates)
		 * @param privateKey the PEM file of its private key
		 * @return this builder
		 * @throws IllegalArgumentException if a file cannot be read
		 */
		public Builder tls(Path certificateChain, Path privateKey) {
			this.tls = new SimulatorTls(certificateChain, privateKey);
			return this;
		}

		/**
		 * The base clock (default: the system clock); {@link NxCloudSimulator#clock()} shifts it.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * The seed of the random that decides probabilistic faults and latencies (default: a fixed value), so a
		 * sequential test run is reproducible.
		 * @param seed the seed
		 * @return this builder
		 */
		public Builder randomSeed(long seed) {
			this.randomSeed = seed;
			return this;
		}

		/**
		 * Whether to load the built-in demo seed (default: yes); see {@link DemoAccount#DEFAULT}.
		 * @param enabled whether to load it
		 * @return this builder
		 */
		public Builder demoSeed(boolean enabled) {
			this.demoSeed = enabled;
			return this;
		}

		/**
		 * A JSON seed file to load after the demo seed; see {@link NxCloudSimulator#loadSeed(String)}.
		 * @param file the file
		 * @return this builder
		 */
		public Builder seed(Path file) {
			this.seedFiles.add(file);
			return this;
		}

		/**
		 * Seeds the state from code, after the seed files.
		 * @param initializer called once with the state
		 * @return this builder
		 */
		public Builder state(Consumer<SimulatorState> initializer) {
			this.initializers.add(initializer);
			return this;
		}

		/**
		 * Load-test mode: signatures are still checked, but requests are neither logged nor recorded (only counted).
		 * @return this builder
		 */
		public Builder fastPath() {
			this.fastPath = true;
			return this;
		}

		/**
		 * How many requests to keep (default 10 000; the oldest are dropped; 0 keeps none).
		 * @param capacity the capacity
		 * @return this builder
		 */
		public Builder requestLogCapacity(int capacity) {
			this.requestCapacity = capacity;
			return this;
		}

		/**
		 * How many accepted messages to keep (default 100 000).
		 * @param capacity the capacity
		 * @return this builder
		 */
		public Builder messageCapacity(int capacity) {
			this.messageCapacity = capacity;
			return this;
		}

		/**
		 * How many callback records to keep (default 10 000).
		 * @param capacity the capacity
		 * @return this builder
		 */
		public Builder callbackLogCapacity(int capacity) {
			this.callbackCapacity = capacity;
			return this;
		}

		/**
		 * The pause before each status callback of a message (default 20 ms).
		 * @param interval the pause
		 * @return this builder
		 */
		public Builder callbackInterval(Duration interval) {
			this.callbackInterval = interval;
			return this;
		}

		/**
		 * Which of the two documented shapes {@code getPhone} answers (default
		 * {@link GetPhoneShape#BY_PHONE_NUMBER}, the page's example), to test that a client reads both.
		 * @param shape the shape
		 * @return this builder
		 */
		public Builder getPhoneShape(GetPhoneShape shape) {
			this.getPhoneShape = shape;
			return this;
		}

		/**
		 * Enforces a throughput per business phone, as WhatsApp does (80 messages per second by default, 1,000 after
		 * an upgrade, 20 for a number shared with the WhatsApp Business app): a send beyond it is answered 9099 with
		 * Meta's error 130429 ("Rate limit hit") in {@code data.error}, and nothing is sent. Each phone has a token
		 * bucket of one second's worth of messages (at least one), refilled continuously on the simulator's
		 * {@linkplain NxCloudSimulator#clock() clock}. Off by default.
		 * @param messagesPerSecond the sends admitted per second and business phone
		 * @return this builder
		 * @throws IllegalArgumentException if the rate is not positive
		 */
		public Builder phoneRate(double messagesPerSecond) {
			return phoneRate(messagesPerSecond, (int) Math.max(1, Math.ceil(messagesPerSecond)));
		}

		/**
		 * Enforces a throughput per business phone, as {@link #phoneRate(double)}, with a bucket of {@code burst}
		 * messages: that many sends may go at once after a quiet spell.
		 * @param messagesPerSecond the sends admitted per second and business phone
		 * @param burst the most sends admitted at once
		 * @return this builder
		 * @throws IllegalArgumentException if the rate is not positive or the burst is less than 1
		 */
		public Builder phoneRate(double messagesPerSecond, int burst) {
			if (!(messagesPerSecond > 0) || Double.isInfinite(messagesPerSecond)) {
				throw new IllegalArgumentException("phoneRate must be a positive number of messages per second (got "
						+ messagesPerSecond + ")");
			}
			if (burst < 1) {
				throw new IllegalArgumentException("phoneRate's burst must be at least 1 (got " + burst + ")");
			}
			this.messagesPerSecond = messagesPerSecond;
			this.burst = burst;
			return this;
		}

		/**
		 * Enforces WhatsApp's pair rate: one message per interval from a business phone to one recipient (WhatsApp
		 * allows about one every 6 s); a second one sooner is answered 9099 with Meta's error 131056 ("pair rate
		 * limit hit") in {@code data.error}, and nothing is sent. Measured on the simulator's
		 * {@linkplain NxCloudSimulator#clock() clock}. Off by default.
		 * @param interval the shortest time between two messages to the same recipient
		 * @return this builder
		 * @throws IllegalArgumentException if the interval is not positive
		 */
		public Builder pairRate(Duration interval) {
			if (interval == null || interval.isNegative() || interval.isZero()) {
				throw new IllegalArgumentException("pairRate must be a positive interval (got " + interval + ")");
			}
			this.pairInterval = interval;
			return this;
		}

		/**
		 * Creates the simulator (not started).
		 * @return the simulator
		 */
		public NxCloudSimulator build() {
			return new NxCloudSimulator(this);
		}

	}

}
