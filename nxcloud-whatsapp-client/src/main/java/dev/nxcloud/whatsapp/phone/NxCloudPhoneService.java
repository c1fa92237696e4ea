package dev.nxcloud.whatsapp.phone;

import reactor.core.publisher.Mono;

/**
 * Business phone numbers: status, quality rating, messaging tier and display name ({@code getPhone}).
 * <p>
 * A request that breaks a rule, {@code null} included, is never sent: the returned {@code Mono} fails with an
 * {@link dev.nxcloud.whatsapp.error.NxCloudValidationException} naming the field, and no method throws.
 */
public interface NxCloudPhoneService {

	/**
	 * Query business phone information.
	 * @param request which app and phones
	 * @return the phones' information
	 */
	Mono<BusinessPhones> getPhones(PhoneInfoRequest request);

	/**
	 * Query every phone of the configured app (the client's default app key).
	 * @return the phones' information
	 */
	default Mono<BusinessPhones> getPhones() {
		return getPhones(PhoneInfoRequest.all());
	}

}
