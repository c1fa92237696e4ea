package dev.nxcloud.sample;

import dev.nxcloud.simulator.Endpoint;
import dev.nxcloud.simulator.Fault;
import dev.nxcloud.simulator.FaultRule;
import dev.nxcloud.simulator.NxCloudSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo against a simulator that refuses its first send (the OTP) with an NxCloud error: the other steps still
 * run, and the exit code that the sample exits with (as the build's AOT run does) is 1. The failure is NxCloud's
 * answer, at once; the other messages' status callbacks arrive as usual, so nothing waits out a timeout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SampleDemoFailureTests.FirstSendRefused.class)
@DirtiesContext
class SampleDemoFailureTests {

	@Autowired
	private WhatsAppDemo demo;

	@Autowired
	private NxCloudSimulator simulator;

	@Autowired
	private FaultRule firstSendRefused;

	@Test
	void aFailedStepMakesTheExitCodeOne() {
		assertThat(this.firstSendRefused.triggered()).isOne();
		assertThat(this.demo.report()).filteredOn((line) -> line.contains("failed"))
			.singleElement()
			.asString()
			.startsWith("OTP failed: ");
		assertThat(this.simulator.messages()).hasSize(2);
		for (var message : this.simulator.messages()) {
			assertThat(this.demo.report()).contains("statuses of " + message.id() + ": [sent, delivered, read]");
		}
		assertThat(this.demo.getExitCode()).as("the status the sample exits with").isOne();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FirstSendRefused {

		@Bean
		FaultRule firstSendRefused(NxCloudSimulator simulator) {
			// "Insufficient account balance", before the demo runs
			return simulator.faults().on(Endpoint.OTP).next(1).respond(Fault.errorCode(22125));
		}

	}

}
