package dev.nxcloud.whatsapp.observation;

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * The observation of NxCloud calls and its keys. Low-cardinality keys take few values and become metric tags;
 * high-cardinality keys are only attached to traces. Phone numbers, app keys, message ids and template names are
 * never keys.
 */
public enum NxCloudClientObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call to NxCloud, from sending the request to decoding NxCloud's answer.
	 */
	CLIENT_REQUEST {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultNxCloudClientObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/**
	 * Keys with few values, used as metric tags.
	 */
	public enum LowCardinalityKeyNames implements KeyName {

		/**
		 * The endpoint group, for example {@code phone} or {@code message}.
		 */
		GROUP {

			@Override
			public String asString() {
				return "nxcloud.group";
			}

		},

		/**
		 * The operation, for example {@code getPhone}.
		 */
		OPERATION {

			@Override
			public String asString() {
				return "nxcloud.operation";
			}

		},

		/**
		 * How the call ended: {@code SUCCESS}, {@code NXCLOUD_ERROR} (NxCloud answered with a non-zero code),
		 * {@code HTTP_ERROR}, {@code TIMEOUT}, {@code CONNECT_ERROR}, {@code INVALID_RESPONSE},
		 * {@code TRANSPORT_ERROR}, {@code CLIENT_ERROR} (the call could not be made, for example without
		 * credentials) or {@code UNKNOWN} (cancelled before an answer).
		 */
		OUTCOME {

			@Override
			public String asString() {
				return "outcome";
			}

		},

		/**
		 * NxCloud's result code, {@code 0} for success, or {@code none} when NxCloud's answer carried none.
		 */
		CODE {

			@Override
			public String asString() {
				return "nxcloud.code";
			}

		},

		/**
		 * Simple class name of the exception the call failed with, or {@code none}.
		 */
		EXCEPTION {

			@Override
			public String asString() {
				return "exception";
			}

		}

	}

	/**
	 * Keys with many values, attached to traces only.
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * NxCloud's trace id for the call; quote it to NxCloud support.
		 */
		TRACE_ID {

			@Override
			public String asString() {
				return "nxcloud.trace.id";
			}

		}

	}

}
