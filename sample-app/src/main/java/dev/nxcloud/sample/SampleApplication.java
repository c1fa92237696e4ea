package dev.nxcloud.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Shows the NxCloud starter at work. Without credentials it runs against an embedded NxCloud simulator; with
 * {@code nxcloud.access-key} and {@code nxcloud.access-secret} set it talks to the configured NxCloud. With
 * {@code sample.exit-when-done=true} it exits once the demo has run, with status 0 if the demo went through and 1 if
 * not: the build runs it so, in AOT mode.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class, args);
		if (context.getEnvironment().getProperty("sample.exit-when-done", Boolean.class, false)) {
			System.exit(SpringApplication.exit(context));
		}
	}

}
