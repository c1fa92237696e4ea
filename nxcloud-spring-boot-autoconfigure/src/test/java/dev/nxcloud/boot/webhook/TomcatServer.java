package dev.nxcloud.boot.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

import org.springframework.context.ApplicationContext;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * A real embedded Tomcat on a random loopback port, serving a Spring MVC application context through its
 * {@link DispatcherServlet} (dispatching {@code OPTIONS} too, as Spring Boot's does), so that the webhook's servlet
 * endpoint is tested over a socket as a deployed application runs it.
 */
final class TomcatServer implements AutoCloseable {

	private final Tomcat tomcat;

	private final Path baseDir;

	private TomcatServer(Tomcat tomcat, Path baseDir) {
		this.tomcat = tomcat;
		this.baseDir = baseDir;
	}

	static TomcatServer start(ApplicationContext context) {
		try {
			Path baseDir = Files.createTempDirectory("tomcat");
			Tomcat tomcat = new Tomcat();
			tomcat.setBaseDir(baseDir.toString());
			Connector connector = new Connector();
			connector.setPort(0);
			connector.setProperty("address", "127.0.0.1");
			tomcat.setConnector(connector);
			Context root = tomcat.addContext("", baseDir.toString());
			DispatcherServlet dispatcher = new DispatcherServlet((WebApplicationContext) context);
			dispatcher.setDispatchOptionsRequest(true);
			Tomcat.addServlet(root, "dispatcher", dispatcher).setLoadOnStartup(1);
			root.addServletMappingDecoded("/", "dispatcher");
			tomcat.start();
			return new TomcatServer(tomcat, baseDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException(ex);
		}
	}

	int port() {
		return this.tomcat.getConnector().getLocalPort();
	}

	@Override
	public void close() throws LifecycleException, IOException {
		this.tomcat.stop();
		this.tomcat.destroy();
		try (var files = Files.walk(this.baseDir)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
	}

}
