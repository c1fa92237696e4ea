package dev.nxcloud.whatsapp.error;

import javax.net.ssl.SSLHandshakeException;

/**
 * The TLS handshake with NxCloud (or with what answers at its address) failed, most often because the connector does
 * not trust the server's certificate: with the starter, see {@code nxcloud.http.ssl.bundle}. The request was never
 * sent. Not transient: the same handshake fails the same way, so the call is not retried.
 */
public class NxCloudTlsHandshakeException extends NxCloudConnectException {

	/**
	 * Create the exception.
	 * @param operation the operation that failed
	 * @param cause the refused handshake
	 */
	public NxCloudTlsHandshakeException(String operation, SSLHandshakeException cause) {
		super(operation, false, "the TLS handshake with NxCloud failed (" + cause.getMessage()
				+ "); the request was not sent; check the certificates the HTTP connector trusts", cause);
	}

}
