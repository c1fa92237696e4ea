package dev.nxcloud.whatsapp.integrator;


import com.fasterxml.jackson.annotation.JsonProperty;
import dev.nxcloud.whatsapp.NxCloudClient;
import dev.nxcloud.whatsapp.NxCloudOperation;
import dev.nxcloud.whatsapp.NxCloudValidation;
import dev.nxcloud.whatsapp.error.NxCloudInvalidResponseException;
import dev.nxcloud.whatsapp.error.NxCloudValidationException;
import reactor.core.publisher.Mono;

/**
 * {@link NxCloudIntegratorService} over an {@link NxCloudClient}.
 */
public class DefaultNxCloudIntegratorService implements NxCloudIntegratorService {

	/**
	 * The {@code app_name}: NxCloud documents no limit; 256 characters is a generous bound for a name shown in a
	 * console.
	 */
	static final int MAX_APP_NAME = 256;

	private final NxCloudClient client;

	/**
	 * Create the service.
	 * @param client the client of the integrator account
	 * @throws NxCloudValidationException if it is {@code null}
	 */
	public DefaultNxCloudIntegratorService(NxCloudClient client) {
		this.client = NxCloudValidation.requireNonNull("client", client);
	}

	@Override
	public Mono<CustomerApp> createApp(CreateAppRequest request) {
		return Mono.fromSupplier(() -> toBody(request))
			.flatMap((body) -> this.client.call(NxCloudOperation.CREATE_APP).jsonBody(body).retrieve(CustomerApp.class))
			.switchIfEmpty(Mono.error(() -> new NxCloudInvalidResponseException(
					NxCloudOperation.CREATE_APP.operationName(), "the response carries no app", null)));
	}

	private Body toBody(CreateAppRequest request) {
		NxCloudValidation.requireNonNull("request", request);
		String appName = NxCloudValidation.requireText("app_name", request.appName(), MAX_APP_NAME);
		String webhook = NxCloudValidation.requireHttpUrl("webhook", request.webhook());
		return new Body(appName, webhook);
	}

	private record Body(@JsonProperty("app_name") String appName, String webhook) {
	}

}
