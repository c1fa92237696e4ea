package dev.nxcloud.sample;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shows each message's status history, as NxCloud's callbacks reported it, at {@code GET /messages}.
 */
@RestController
class MessagesController {

	private final MessageStatuses statuses;

	MessagesController(MessageStatuses statuses) {
		this.statuses = statuses;
	}

	@GetMapping("/messages")
	Map<String, List<String>> messages() {
		return this.statuses.history();
	}

}
