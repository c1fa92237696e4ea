package dev.nxcloud.boot.autoconfigure.actuate;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * An application as a user of the starter writes it, run in a JVM of its own by
 * {@link SecretsInAForkedApplicationTests}, to which it announces its port on standard output.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ForkedApplication {

	static final String PORT_ANNOUNCEMENT = "forked-application-port=";

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ForkedApplication.class);
		application.addListeners((ApplicationListener<WebServerInitializedEvent>) (event) -> System.out
			.println(PORT_ANNOUNCEMENT + event.getWebServer().getPort()));
		application.run(args);
	}

}
