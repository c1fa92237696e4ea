package dev.nxcloud.sample;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives NxCloud's message status callbacks ({@code dr_webhook}) and shows each message's status history at
 * {@code GET /messages}.
 */
@RestController
class StatusCallbackController {

	private final MessageStatuses statuses;

	StatusCallbackController(MessageStatuses statuses) {
		this.statuses = statuses;
	}

	@PostMapping("/webhook/nxcloud")
	void receive(@RequestBody JsonNode payload) {
		for (JsonNode status : payload.path("statuses")) {
			this.statuses.record(status.path("id").asString(), status.path("status").asString());
		}
	}

	@GetMapping("/messages")
	Map<String, List<String>> messages() {
		return this.statuses.history();
	}

}
