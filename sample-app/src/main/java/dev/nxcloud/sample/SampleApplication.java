package dev.nxcloud.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Shows the NxCloud starter at work. Without credentials it runs against an embedded NxCloud simulator; with
 * {@code nxcloud.access-key} and {@code nxcloud.access-secret} set it talks to the configured NxCloud.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
