package dev.nxcloud.simulator.testcontainers;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.nxcloud.simulator.DemoAccount;
import dev.nxcloud.simulator.NxCloudSimulator;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.Version;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.LazyFuture;
import org.testcontainers.utility.MountableFile;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Testcontainers container running the {@link NxCloudSimulator NxCloud simulator} with its demo seed. No image is
 * pulled for the simulator itself: the image is built locally {@code FROM} a Java 17 base image, with the simulator's
 * classes and its runtime libraries copied from the classpath of the JVM that creates the container. The image is
 * tagged {@code localhost/nxcloud-simulator:<fingerprint of its content>} and kept, so that later containers built
 * from the same classpath start without building it again.
 *
 * <pre>{@code
 * @Container
 * @ServiceConnection
 * static NxCloudSimulatorContainer simulator = new NxCloudSimulatorContainer();
 * }</pre>
 *
 * <p>
 * Settings, each a system property or an environment variable:
 * <ul>
 * <li>{@value #BASE_IMAGE_PROPERTY} / {@value #BASE_IMAGE_ENV}: the base image (default
 * {@value #DEFAULT_BASE_IMAGE}); any image with {@code java} (17 or later) on its {@code PATH} will do.</li>
 * <li>{@value #HOST_NETWORK_PROPERTY} / {@value #HOST_NETWORK_ENV}: {@code true} runs the container with host
 * networking on a free loopback port instead of a mapped port, for machines whose Docker engine has no bridge
 * network. Host networking only works where containers share the test's network stack (Linux).</li>
 * </ul>
 *
 * <p>
 * The simulator posts status callbacks only to loopback webhooks, so callbacks reach the test's JVM only in host
 * network mode; URLs the simulator returns (media links) name its own address as seen inside the container.
 */
public class NxCloudSimulatorContainer extends GenericContainer<NxCloudSimulatorContainer> {

	/** The system property naming the base image. */
	public static final String BASE_IMAGE_PROPERTY = "nxcloud.simulator.base-image";

	/** The environment variable naming the base image. */
	public static final String BASE_IMAGE_ENV = "NXCLOUD_SIMULATOR_BASE_IMAGE";

	/** The base image used when no setting names one. */
	public static final String DEFAULT_BASE_IMAGE = "eclipse-temurin:17-jre";

	/** The system property that switches host network mode on. */
	public static final String HOST_NETWORK_PROPERTY = "nxcloud.simulator.host-network";

	/** The environment variable that switches host network mode on. */
	public static final String HOST_NETWORK_ENV = "NXCLOUD_SIMULATOR_HOST_NETWORK";

	/** The port the simulator listens on inside the container in the ordinary (mapped port) mode. */
	public static final int SIMULATOR_PORT = 8090;

	private static final String LOOPBACK = "127.0.0.1";

	private static final String APP_DIR = "/app";

	private static final String MAIN_CLASS = "dev.nxcloud.simulator.SimulatorMain";

	private static final String IMAGE_REPOSITORY = "localhost/nxcloud-simulator";

	/** Changes when the layout of the image changes, so that images built before are not reused. */
	private static final String IMAGE_LAYOUT = "1";

	/** Classes whose classpath entries the simulator needs at run time. */
	private static final List<Class<?>> REQUIRED_CLASSES = List.of(NxCloudSimulator.class, HttpServer.class,
			DisposableServer.class, Mono.class, Publisher.class, ByteBuf.class, Channel.class, HttpObject.class,
			Version.class, JsonMapper.class, JsonParser.class, JsonProperty.class, NullMarked.class, Logger.class);

	/** Name prefixes of further library jars taken from the classpath (Netty and Reactor Netty modules). */
	private static final List<String> LIBRARY_PREFIXES = List.of("netty-", "reactor-netty-");

	private final DemoAccount demoAccount = DemoAccount.DEFAULT;

	private final List<String> seedFiles = new ArrayList<>();

	private boolean hostNetwork;

	private int hostPort;

	/**
	 * Creates a container built from the base image named by the settings (or {@value #DEFAULT_BASE_IMAGE}), in the
	 * network mode the settings choose.
	 */
	public NxCloudSimulatorContainer() {
		this(DockerImageName.parse(setting(BASE_IMAGE_PROPERTY, BASE_IMAGE_ENV, DEFAULT_BASE_IMAGE)));
	}

	/**
	 * Creates a container built from the given base image, in the network mode the settings choose.
	 * @param baseImage an image with {@code java} 17 or later on its {@code PATH}
	 */
	public NxCloudSimulatorContainer(DockerImageName baseImage) {
		super(image(baseImage));
		this.hostNetwork = Boolean.parseBoolean(setting(HOST_NETWORK_PROPERTY, HOST_NETWORK_ENV, "false"));
		waitingFor(Wait.forLogMessage("(?s).*NxCloud simulator listening on .*", 1)
			.withStartupTimeout(Duration.ofSeconds(60)));
	}

	/**
	 * Chooses the network mode explicitly, overriding the settings: {@code true} for host networking on a free
	 * loopback port, {@code false} for an exposed, mapped port.
	 * @param hostNetwork whether to use host networking
	 * @return this container
	 */
	public NxCloudSimulatorContainer withHostNetwork(boolean hostNetwork) {
		this.hostNetwork = hostNetwork;
		return this;
	}

	/**
	 * Loads a JSON seed file after the demo seed (apps, phones, templates, more accounts; see
	 * {@link NxCloudSimulator#loadSeed(String)}). The demo account keeps working.
	 * @param file the seed file
	 * @return this container
	 */
	public NxCloudSimulatorContainer withSeed(Path file) {
		String target = nextSeedPath();
		withCopyFileToContainer(MountableFile.forHostPath(file), target);
		this.seedFiles.add(target);
		return this;
	}

	/**
	 * Loads a JSON seed after the demo seed; see {@link #withSeed(Path)}.
	 * @param json the seed
	 * @return this container
	 */
	public NxCloudSimulatorContainer withSeed(String json) {
		String target = nextSeedPath();
		withCopyToContainer(Transferable.of(json), target);
		this.seedFiles.add(target);
		return this;
	}

	private String nextSeedPath() {
		return APP_DIR + "/seed-" + this.seedFiles.size() + ".json";
	}

	@Override
	protected void configure() {
		List<String> command = new ArrayList<>();
		if (this.hostNetwork) {
			this.hostPort = freeLoopbackPort();
			setExposedPorts(new ArrayList<>());
			withNetworkMode("host");
			command.addAll(List.of("--host", LOOPBACK, "--port", Integer.toString(this.hostPort)));
		}
		else {
			withExposedPorts(SIMULATOR_PORT);
			command.addAll(List.of("--host", "0.0.0.0", "--port", Integer.toString(SIMULATOR_PORT)));
		}
		for (String seed : this.seedFiles) {
			command.addAll(List.of("--add-seed", seed));
		}
		withCommand(command.toArray(String[]::new));
	}

	/**
	 * Whether the container uses host networking.
	 * @return whether host network mode is on
	 */
	public boolean isHostNetwork() {
		return this.hostNetwork;
	}

	/**
	 * The base URL of both of NxCloud's hosts' paths ({@code /api/wa/...} and {@code /saas/wa/...}), for example
	 * {@code http://localhost:32768}.
	 * @return the base URL
	 * @throws IllegalStateException if the container is not started
	 */
	public String getBaseUrl() {
		if (this.hostNetwork) {
			if (this.hostPort == 0) {
				throw new IllegalStateException("The container is not started");
			}
			return "http://" + LOOPBACK + ":" + this.hostPort;
		}
		return "http://" + getHost() + ":" + getMappedPort(SIMULATOR_PORT);
	}

	/**
	 * The demo account's credentials and ids, accepted out of the box.
	 * @return the demo account
	 */
	public DemoAccount getDemoAccount() {
		return this.demoAccount;
	}

	/**
	 * The demo account's access key.
	 * @return the access key
	 */
	public String getAccessKey() {
		return this.demoAccount.accessKey();
	}

	/**
	 * The demo account's access secret.
	 * @return the access secret
	 */
	public String getAccessSecret() {
		return this.demoAccount.accessSecret();
	}

	/**
	 * The demo app's key.
	 * @return the app key
	 */
	public String getAppKey() {
		return this.demoAccount.appKey();
	}

	/**
	 * The demo app's id.
	 * @return the app id
	 */
	public long getAppId() {
		return this.demoAccount.appId();
	}

	/**
	 * The demo app's connected business phone.
	 * @return the business phone number
	 */
	public String getBusinessPhone() {
		return this.demoAccount.businessPhone();
	}

	/**
	 * The demo SaaS tenant id.
	 * @return the tenant id
	 */
	public long getTenantId() {
		return this.demoAccount.tenantId();
	}

	private static Future<String> image(DockerImageName baseImage) {
		List<Path> entries = runtimeClasspath();
		Map<String, Path> context = new LinkedHashMap<>();
		List<String> classpath = new ArrayList<>();
		classpath.add(APP_DIR + "/lib/*");
		for (int i = 0; i < entries.size(); i++) {
			Path entry = entries.get(i);
			if (Files.isDirectory(entry)) {
				context.put("classes/" + i, entry);
				classpath.add(APP_DIR + "/classes/" + i);
			}
			else {
				context.put("lib/" + i + "-" + entry.getFileName(), entry);
			}
		}
		String javaClasspath = String.join(":", classpath);
		boolean copyClasses = context.keySet().stream().anyMatch((name) -> name.startsWith("classes/"));
		String name = IMAGE_REPOSITORY + ":" + fingerprint(baseImage, context);
		ImageFromDockerfile build = new ImageFromDockerfile(name, false);
		context.forEach(build::withFileFromPath);
		build.withDockerfileFromBuilder((dockerfile) -> {
			dockerfile.from(baseImage.asCanonicalNameString()).copy("lib", APP_DIR + "/lib");
			if (copyClasses) {
				dockerfile.copy("classes", APP_DIR + "/classes");
			}
			dockerfile.entryPoint("java", "-cp", javaClasspath, MAIN_CLASS);
		});
		return new LocalImage(name, build);
	}

	/**
	 * A name for the image that changes whenever its content would: the base image and the name, size and
	 * modification time of every file copied in.
	 */
	private static String fingerprint(DockerImageName baseImage, Map<String, Path> context) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			update(digest, IMAGE_LAYOUT + "\n" + baseImage.asCanonicalNameString() + "\n");
			for (Map.Entry<String, Path> entry : context.entrySet()) {
				List<Path> files;
				try (Stream<Path> walk = Files.walk(entry.getValue())) {
					files = walk.filter(Files::isRegularFile).sorted().toList();
				}
				for (Path file : files) {
					String relative = entry.getValue().relativize(file).toString();
					update(digest, entry.getKey() + "/" + relative + " " + Files.size(file) + " "
							+ Files.getLastModifiedTime(file).toMillis() + "\n");
				}
			}
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the simulator's classpath", ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void update(MessageDigest digest, String text) {
		digest.update(text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The classpath entries (jars and directories) the simulator needs, found from the classes it loads and, for
	 * Netty's many modules, by name on {@code java.class.path}.
	 * @return the entries, without duplicates
	 */
	static List<Path> runtimeClasspath() {
		Set<Path> entries = new LinkedHashSet<>();
		for (Class<?> type : REQUIRED_CLASSES) {
			entries.add(codeSource(type));
		}
		Path resources = resourceRoot(NxCloudSimulator.class, "demo-seed.json");
		if (resources != null) {
			entries.add(resources);
		}
		String javaClassPath = System.getProperty("java.class.path", "");
		for (String element : javaClassPath.split(File.pathSeparator)) {
			if (element.isEmpty()) {
				continue;
			}
			Path path = Path.of(element).toAbsolutePath().normalize();
			String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
			if (name.endsWith(".jar") && isLibrary(name) && Files.isRegularFile(path)) {
				entries.add(path);
			}
		}
		return List.copyOf(entries);
	}

	private static boolean isLibrary(String jarName) {
		boolean matches = LIBRARY_PREFIXES.stream().anyMatch(jarName::startsWith);
		return matches && !jarName.contains("-osx-") && !jarName.contains("-windows-");
	}

	private static Path codeSource(Class<?> type) {
		CodeSource source = type.getProtectionDomain().getCodeSource();
		URL location = (source != null) ? source.getLocation() : null;
		if (location == null || !"file".equals(location.getProtocol())) {
			throw new IllegalStateException("Cannot find the classpath entry of " + type.getName() + " (" + location
					+ "); the simulator container needs it as a plain jar or directory");
		}
		return toPath(location);
	}

	private static @Nullable Path resourceRoot(Class<?> type, String resourceName) {
		URL resource = type.getResource(resourceName);
		if (resource == null || !"file".equals(resource.getProtocol())) {
			return null;
		}
		Path path = toPath(resource);
		int depth = type.getPackageName().split("\\.").length + 1;
		for (int i = 0; i < depth && path != null; i++) {
			path = path.getParent();
		}
		return path;
	}

	private static Path toPath(URL url) {
		try {
			return Path.of(url.toURI()).toAbsolutePath().normalize();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot convert " + url + " to a path", ex);
		}
	}

	private static int freeLoopbackPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free loopback port", ex);
		}
	}

	private static String setting(String property, String environmentVariable, String defaultValue) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(environmentVariable);
		}
		return (value != null && !value.isBlank()) ? value.trim() : defaultValue;
	}

	/**
	 * The simulator image: taken as is when the engine already has an image of that name (built from the same
	 * classpath), built otherwise.
	 */
	private static final class LocalImage extends LazyFuture<String> {

		private final String name;

		private final ImageFromDockerfile build;

		LocalImage(String name, ImageFromDockerfile build) {
			this.name = name;
			this.build = build;
		}

		@Override
		protected String resolve() {
			try {
				DockerClientFactory.lazyClient().inspectImageCmd(this.name).exec();
				return this.name;
			}
			catch (NotFoundException ex) {
				return this.build.get();
			}
		}

	}

}
