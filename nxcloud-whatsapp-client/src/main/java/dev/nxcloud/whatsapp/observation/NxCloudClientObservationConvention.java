package dev.nxcloud.whatsapp.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * {@link ObservationConvention} for NxCloud calls. Define a bean of this type (or pass one to the client) to change
 * the observation's name or keys; extending {@link DefaultNxCloudClientObservationConvention} keeps the defaults.
 */
public interface NxCloudClientObservationConvention extends ObservationConvention<NxCloudClientObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof NxCloudClientObservationContext;
	}

}
