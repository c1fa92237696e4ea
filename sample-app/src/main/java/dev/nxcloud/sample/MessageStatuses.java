package dev.nxcloud.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.nxcloud.whatsapp.webhook.MessageStatusEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The status history of each message, as NxCloud's status callbacks report it. The starter's webhook endpoint
 * verifies each callback and publishes one {@link MessageStatusEvent} per status.
 */
@Component
class MessageStatuses {

	private static final Set<String> FINAL = Set.of("read", "failed", "deleted");

	private final Map<String, List<String>> history = new LinkedHashMap<>();

	@EventListener
	void on(MessageStatusEvent event) {
		String messageId = event.status().id();
		if (messageId != null) {
			record(messageId, event.raw().path("status").asString());
		}
	}

	synchronized void record(String messageId, String status) {
		this.history.computeIfAbsent(messageId, (id) -> new ArrayList<>()).add(status);
		notifyAll();
	}

	synchronized Map<String, List<String>> history() {
		Map<String, List<String>> copy = new LinkedHashMap<>();
		this.history.forEach((id, statuses) -> copy.put(id, List.copyOf(statuses)));
		return copy;
	}

	synchronized List<String> history(String messageId) {
		return List.copyOf(this.history.getOrDefault(messageId, List.of()));
	}

	/**
	 * Wait until every message has reached a final status, or the timeout passed.
	 * @param messageIds the messages
	 * @param timeout the longest to wait
	 * @return whether all reached a final status
	 */
	synchronized boolean awaitFinal(Collection<String> messageIds, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!messageIds.stream().allMatch(this::isFinal)) {
			long remaining = deadline - System.nanoTime();
			if (remaining <= 0) {
				return false;
			}
			wait(Math.max(1, remaining / 1_000_000));
		}
		return true;
	}

	private boolean isFinal(String messageId) {
		List<String> statuses = this.history.get(messageId);
		return statuses != null && statuses.stream().anyMatch(FINAL::contains);
	}

}
