package dev.nxcloud.whatsapp.phone;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * {@link NxCloudPhoneService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudPhoneService implements NxCloudPhoneService {

	/**
	 * The most phones one request queries: NxCloud documents no limit; 1,000 is far more numbers than one app holds,
	 * and keeps a careless list from going out as megabytes.
	 */
	static final int MAX_BUSINESS_PHONES = 1000;

	private final NxCloudClient client;

	/**
	 * Create the service.
	 * @param client the client of the account to use
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public DefaultNxCloudPhoneService(NxCloudClient client) {
		this.client = NxCloudValidation.requireNonNull("client", client);
	}

	@Override
	public Mono<BusinessPhones> getPhones(PhoneInfoRequest request) {
		return Mono.fromSupplier(() -> toBody(request))
			.flatMap((body) -> this.client.call(NxCloudOperation.GET_PHONE).jsonBody(body).retrieve(BusinessPhones.class));
	}

	private Body toBody(PhoneInfoRequest request) {
		NxCloudValidation.requireNonNull("request", request);
		String appKey = this.client.defaults().appKey(request.appKey());
		if (request.businessPhones().size() > MAX_BUSINESS_PHONES) {
			throw new NxCloudValidationException("business_phones",
					"must hold at most " + MAX_BUSINESS_PHONES + " phones (got " + request.businessPhones().size() + ")");
		}
		for (int i = 0; i < request.businessPhones().size(); i++) {
			NxCloudValidation.requirePhone("business_phones[" + i + "]", request.businessPhones().get(i));
		}
		String phones = request.businessPhones().isEmpty() ? null : String.join(",", request.businessPhones());
		return new Body(appKey, phones, NxCloudJson.MESSAGING_PRODUCT);
	}

	private record Body(String appkey, @JsonProperty("business_phones") @Nullable String businessPhones,
			@JsonProperty("messaging_product") String messagingProduct) {
	}

}
