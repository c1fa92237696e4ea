package dev.nxcloud.simulator;

import java.util.ArrayList;
import java.util.List;

import dev.nxcloud.simulator.state.Account;
import dev.nxcloud.simulator.state.App;
import dev.nxcloud.simulator.state.BusinessPhone;
import dev.nxcloud.simulator.state.FailingRecipient;
import dev.nxcloud.simulator.state.Flow;
import dev.nxcloud.simulator.state.SimulatorState;
import dev.nxcloud.simulator.state.Tenant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static dev.nxcloud.simulator.JsonFields.text;

/**
 * Applies a JSON seed document to the state; the format is described on {@link NxCloudSimulator#loadSeed(String)}.
 */
final class Seeds {

	private Seeds() {
	}

	static void apply(JsonNode root, SimulatorState state, TemplateCodec templates) {
		for (JsonNode node : root.path("accounts")) {
			state.addAccount(new Account(need(node, "access_key"), need(node, "access_secret"),
					!"false".equals(text(node, "integrator"))));
		}
		for (JsonNode node : root.path("apps")) {
			App app = new App(need(node, "access_key"), Long.parseLong(need(node, "app_id")), need(node, "app_name"),
					need(node, "app_key"), text(node, "webhook"));
			state.addApp(app);
		}
		for (JsonNode node : root.path("phones")) {
			String phone = need(node, "phone");
			state.addPhone(new BusinessPhone(phone, need(node, "app_key"),
					or(text(node, "display_phone_number"), "+" + phone), need(node, "verified_name"),
					or(text(node, "name_status"), "APPROVED"), or(text(node, "status"), "CONNECTED"),
					or(text(node, "quality_rating"), "GREEN"), or(text(node, "current_limit"), "TIER_1K"),
					or(text(node, "code_verification_status"), "VERIFIED")));
		}
		for (JsonNode node : root.path("tenants")) {
			state.addTenant(new Tenant(Long.parseLong(need(node, "tenant_id")), need(node, "access_key")));
		}
		for (JsonNode node : root.path("templates")) {
			try {
				state.addTemplate(templates.read(node, need(node, "phone"), 0, text(node, "category"),
						or(text(node, "status"), "APPROVED")));
			}
			catch (ApiError ex) {
				throw new IllegalArgumentException("Invalid seed template " + node + ": " + ex.getMessage(), ex);
			}
		}
		for (JsonNode node : root.path("flows")) {
			List<String> categories = new ArrayList<>();
			node.path("categories").forEach((category) -> categories.add(category.asString()));
			state.addFlow(new Flow(need(node, "phone"), need(node, "id"), need(node, "name"),
					or(text(node, "status"), "PUBLISHED"), categories, text(node, "first_screen")));
		}
		for (JsonNode node : root.path("failing_recipients")) {
			state.addFailingRecipient(new FailingRecipient(need(node, "to"),
					Integer.parseInt(or(text(node, "code"), "131026")), or(text(node, "title"), "Message undeliverable")));
		}
	}

	private static String need(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null) {
			throw new IllegalArgumentException("Seed entry " + node + " needs '" + field + "'");
		}
		return value;
	}

	private static String or(@Nullable String value, String fallback) {
		return (value != null) ? value : fallback;
	}

}
