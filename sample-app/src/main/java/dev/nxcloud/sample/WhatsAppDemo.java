package dev.nxcloud.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.boot.client.error.NxCloudException;
import dev.nxcloud.boot.client.phone.NxCloudPhoneService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * The sample's main job, run once at start-up: query the business phones.
 */
@Component
class WhatsAppDemo implements ApplicationRunner {

	private static final Logger logger = LoggerFactory.getLogger(WhatsAppDemo.class);

	private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);

	private final NxCloudPhoneService phones;

	private final List<String> report = new ArrayList<>();

	WhatsAppDemo(NxCloudPhoneService phones) {
		this.phones = phones;
	}

	@Override
	public void run(ApplicationArguments args) {
		step("business phones", () -> this.phones.getPhones()
			.block(STEP_TIMEOUT)
			.phones()
			.forEach((phone, info) -> record("phone %s: %s, quality %s, tier %s, name '%s'", phone, info.status(),
					info.qualityRating(), info.currentLimit(), info.verifiedName())));
	}

	/**
	 * What the last run did, one line per result.
	 * @return the report lines
	 */
	synchronized List<String> report() {
		return List.copyOf(this.report);
	}

	private void step(String name, Runnable step) {
		try {
			step.run();
		}
		catch (NxCloudException ex) {
			record("%s failed: %s", name, ex.getMessage());
		}
	}

	private synchronized void record(String format, Object... args) {
		String line = String.format(format, args);
		this.report.add(line);
		logger.info(line);
	}

}
