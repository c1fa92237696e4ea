package dev.nxcloud.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudConnection;
import dev.nxcloud.whatsapp.NxCloudDefaults;
import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.message.HeaderParameter;
import dev.nxcloud.whatsapp.message.MessageWireMapper;
import dev.nxcloud.whatsapp.message.Template;
import dev.nxcloud.whatsapp.message.TemplateMessage;
import dev.nxcloud.whatsapp.template.TemplateLanguage;
import dev.nxcloud.simulator.DemoAccount;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one request every benchmark sends: a template send of about 1 KB on the simulator's demo account, as a
 * {@link TemplateMessage} for the starter and as the wire object the starter serialises, for the baselines.
 */
public final class BenchmarkRequests {

	/** The demo account of the simulator. */
	public static final DemoAccount ACCOUNT = DemoAccount.DEFAULT;

	/** The operation sent. */
	public static final NxCloudOperation OPERATION = NxCloudOperation.SEND_TEMPLATE_MESSAGE;

	/** NxCloud's {@code bizType} for WhatsApp. */
	public static final String BIZ_TYPE = "2";

	/** The recipient. */
	public static final String RECIPIENT = "8613800000000";

	private static final HexFormat HEX = HexFormat.of();

	private BenchmarkRequests() {
	}

	/**
	 * The template message: the simulator's {@code order_update} template with long values, about 1 KB on the wire.
	 * @return the message
	 */
	public static TemplateMessage templateMessage() {
		String customer = "Alexandra Konstantinopoulou-Vanderbilt " + "x".repeat(260);
		String order = "ORD-2024-06-25-" + "0123456789".repeat(30);
		Template template = Template.builder("order_update", TemplateLanguage.of("en_US"))
			.header(HeaderParameter.image("https://cdn.example.com/track/" + "abcdefghij".repeat(12) + ".png"))
			.body(customer, order)
			.build();
		return TemplateMessage.to(RECIPIENT, template);
	}

	/**
	 * The defaults the starter is configured with: the demo account's app, number and tenant.
	 * @return the defaults
	 */
	public static NxCloudDefaults defaults() {
		return new NxCloudDefaults(ACCOUNT.appKey(), ACCOUNT.businessPhone(), ACCOUNT.tenantId());
	}

	/**
	 * The starter's properties for the simulator's demo account: its URLs, credentials and defaults.
	 * @param baseUrl the simulator's base URL
	 * @return the properties, a map the caller may add to
	 */
	public static Map<String, Object> starterProperties(String baseUrl) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("nxcloud.api-url", baseUrl);
		properties.put("nxcloud.saas-url", baseUrl);
		properties.put("nxcloud.access-key", ACCOUNT.accessKey());
		properties.put("nxcloud.access-secret", ACCOUNT.accessSecret());
		properties.put("nxcloud.app-key", ACCOUNT.appKey());
		properties.put("nxcloud.business-phone", ACCOUNT.businessPhone());
		properties.put("nxcloud.tenant-id", ACCOUNT.tenantId());
		return properties;
	}

	/**
	 * The object the starter's message service serialises for {@link #templateMessage()}, made by the client's own
	 * {@link MessageWireMapper} so that every baseline serialises exactly the same object.
	 * @return the wire object
	 */
	public static Object wireBody() {
		NxCloudClient client = NxCloudClient.builder()
			.connection(connection("http://127.0.0.1:1"))
			.defaults(defaults())
			.build();
		return new MessageWireMapper(client.defaults()).toWire(templateMessage());
	}

	/**
	 * The exact bytes the starter sends for {@link #wireBody()}.
	 * @return the JSON bytes
	 */
	public static byte[] starterBytes() {
		return NxCloudJson.newMapper().writeValueAsBytes(wireBody());
	}

	/**
	 * A plain Jackson mapper configured the way a user who knows NxCloud drops {@code null}s would write it.
	 * @return the mapper
	 */
	public static JsonMapper plainMapper() {
		return JsonMapper.builder()
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();
	}

	/**
	 * A connection to a base URL with the demo credentials.
	 * @param baseUrl the base URL of both hosts
	 * @return the connection
	 */
	public static NxCloudConnection connection(String baseUrl) {
		return NxCloudConnection.of(baseUrl, baseUrl, ACCOUNT.accessKey(), ACCOUNT.accessSecret());
	}

	/**
	 * Signs by hand, as a user without the starter would: MD5 over
	 * {@code accessKey=…&action=…&bizType=…&ts=…&body=…&accessSecret=…}, lowercase hex.
	 * @param ts the timestamp sent
	 * @param body the body bytes sent
	 * @return the signature
	 */
	public static String signByHand(String ts, byte[] body) {
		try {
			MessageDigest md5 = MessageDigest.getInstance("MD5");
			md5.update(("accessKey=" + ACCOUNT.accessKey() + "&action=" + OPERATION.action() + "&bizType=" + BIZ_TYPE
					+ "&ts=" + ts + "&body=").getBytes(StandardCharsets.UTF_8));
			md5.update(body);
			md5.update(("&accessSecret=" + ACCOUNT.accessSecret()).getBytes(StandardCharsets.UTF_8));
			return HEX.formatHex(md5.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whether a response body is NxCloud's success envelope, judged by its first bytes as the simulator writes them
	 * ({@code {"code":0,}).
	 * @param body the response body
	 * @return whether the call succeeded
	 */
	public static boolean isSuccess(byte[] body) {
		byte[] prefix = SUCCESS_PREFIX;
		if (body.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (body[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static final byte[] SUCCESS_PREFIX = "{\"code\":0,".getBytes(StandardCharsets.US_ASCII);

}
