package dev.nxcloud.boot.autoconfigure;

import dev.nxcloud.whatsapp.NxCloudConnection;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Details for a connection to NxCloud: the two base URLs and the account's credentials. The default is backed by
 * {@code nxcloud.*} properties; define a bean of this type (or let Testcontainers' {@code @ServiceConnection} do it)
 * to supply them another way.
 */
public interface NxCloudConnectionDetails extends ConnectionDetails, NxCloudConnection {

}
