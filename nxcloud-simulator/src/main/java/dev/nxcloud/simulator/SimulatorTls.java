package dev.nxcloud.simulator;

import java.nio.file.Files;
import java.nio.file.Path;

import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;

/**
 * HTTPS for the simulator: a certificate chain and its unencrypted PKCS#8 private key, both PEM files.
 *
 * @param certificateChain the PEM file of the server certificate (and any intermediates)
 * @param privateKey the PEM file of its private key
 */
record SimulatorTls(Path certificateChain, Path privateKey) {

	SimulatorTls {
		requireReadable(certificateChain, "certificate chain");
		requireReadable(privateKey, "private key");
	}

	private static void requireReadable(Path file, String what) {
		if (!Files.isReadable(file)) {
			throw new IllegalArgumentException("The TLS " + what + " " + file + " cannot be read");
		}
	}

	HttpServer secure(HttpServer server) {
		return server.secure((spec) -> spec
			.sslContext(Http11SslContextSpec.forServer(this.certificateChain.toFile(), this.privateKey.toFile())));
	}

}
