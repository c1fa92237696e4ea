package dev.nxcloud.whatsapp.integrator;

import reactor.core.publisher.Mono;

/**
 * Integrator operations. Only accounts registered as integrators may call them (NxCloud code 9007 otherwise).
 * <p>
 * A request that breaks a rule, {@code null} included, is never sent: the returned {@code Mono} fails with an
 * {@link dev.nxcloud.whatsapp.error.NxCloudValidationException} naming the field, and no method throws.
 */
public interface NxCloudIntegratorService {

	/**
	 * Create a customer app ({@code POST /api/wa/integrator/embedded/register/createApp}). An integrator may have
	 * at most 1000 apps (NxCloud code 9009).
	 * @param request the app's name and webhook
	 * @return the created app
	 */
	Mono<CustomerApp> createApp(CreateAppRequest request);

	/**
	 * Create a customer app.
	 * @param appName the app's name
	 * @param webhook the {@code http(s)} URL that receives the app's callbacks
	 * @return the created app
	 */
	default Mono<CustomerApp> createApp(String appName, String webhook) {
		return Mono.defer(() -> createApp(CreateAppRequest.of(appName, webhook)));
	}

}
