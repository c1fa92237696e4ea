package dev.nxcloud.boot.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NonProxyHostsTests {

	private final NonProxyHosts hosts = new NonProxyHosts(List.of("localhost", "*.Internal", "10.*", "[::1]", "a*c"));

	@Test
	void namesAndAddressesMatchWholeIgnoringCase() {
		assertThat(this.hosts.matches("localhost")).isTrue();
		assertThat(this.hosts.matches("LOCALHOST")).isTrue();
		assertThat(this.hosts.matches("localhost.example.com")).isFalse();
		assertThat(this.hosts.matches("::1")).isTrue();
		assertThat(this.hosts.matches("[::1]")).isTrue();
	}

	@Test
	void anAsteriskStandsForAnyCharacters() {
		assertThat(this.hosts.matches("api.internal")).isTrue();
		assertThat(this.hosts.matches("internal")).isFalse();
		assertThat(this.hosts.matches("10.0.0.7")).isTrue();
		assertThat(this.hosts.matches("110.0.0.7")).isFalse();
		assertThat(this.hosts.matches("abbc")).isTrue();
	}

	@Test
	void otherCharactersAreLiteral() {
		assertThat(this.hosts.matches("10x0")).isFalse();
		assertThat(new NonProxyHosts(List.of("api.nxcloud.com")).matches("apiXnxcloud.com")).isFalse();
		assertThat(new NonProxyHosts(List.of()).matches("api.nxcloud.com")).isFalse();
	}

}
