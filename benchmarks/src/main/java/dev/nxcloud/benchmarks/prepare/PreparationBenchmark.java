package dev.nxcloud.benchmarks.prepare;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import dev.nxcloud.benchmarks.BenchmarkRequests;
import dev.nxcloud.whatsapp.NxCloudJson;
import dev.nxcloud.whatsapp.NxCloudSigner;
import dev.nxcloud.whatsapp.NxCloudSigner.SignedHeaders;
import dev.nxcloud.whatsapp.SignAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * The client-side cost of preparing one signed template send of about 1 KB, against the bare cost of the same work.
 * <ul>
 * <li>{@code starter*}: what the starter does per call before the bytes reach the connection: serialise the wire
 * object with {@link NxCloudJson#newMapper() NxCloud's mapper} and sign those bytes with {@link NxCloudSigner#sign}
 * under a fresh {@code ts}, as {@code NxCloudSigningFilter}'s body writer does before it writes the same bytes.</li>
 * <li>{@code bare*}: serialise the same object with a plain {@link JsonMapper} and digest the bytes: nothing else.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = { "-Xms512m", "-Xmx512m" })
public class PreparationBenchmark {

	private Object body;

	private JsonMapper nxCloudMapper;

	private JsonMapper plainMapper;

	private NxCloudSigner md5Signer;

	private NxCloudSigner sha256Signer;

	private Clock clock;

	private String accessKey;

	private String accessSecret;

	private String action;

	/**
	 * Builds the wire object and the mappers once.
	 */
	@Setup
	public void setUp() {
		this.body = BenchmarkRequests.wireBody();
		this.nxCloudMapper = NxCloudJson.newMapper();
		this.plainMapper = JsonMapper.builder().build();
		this.md5Signer = new NxCloudSigner(SignAlgorithm.MD5);
		this.sha256Signer = new NxCloudSigner(SignAlgorithm.SHA256);
		this.clock = Clock.systemUTC();
		this.accessKey = BenchmarkRequests.ACCOUNT.accessKey();
		this.accessSecret = BenchmarkRequests.ACCOUNT.accessSecret();
		this.action = BenchmarkRequests.OPERATION.action();
	}

	/**
	 * The starter's preparation, MD5.
	 * @return the signature
	 */
	@Benchmark
	public String starterMd5() {
		return starter(this.md5Signer);
	}

	/**
	 * The starter's preparation, SHA-256.
	 * @return the signature
	 */
	@Benchmark
	public String starterSha256() {
		return starter(this.sha256Signer);
	}

	/**
	 * Plain Jackson plus MD5 over the bytes.
	 * @return the digest
	 */
	@Benchmark
	public byte[] bareMd5() {
		return bare("MD5");
	}

	/**
	 * Plain Jackson plus SHA-256 over the bytes.
	 * @return the digest
	 */
	@Benchmark
	public byte[] bareSha256() {
		return bare("SHA-256");
	}

	private String starter(NxCloudSigner signer) {
		byte[] bytes = this.nxCloudMapper.writeValueAsBytes(this.body);
		SignedHeaders headers = new SignedHeaders(this.accessKey, this.action, BenchmarkRequests.BIZ_TYPE,
				Long.toString(this.clock.millis()));
		return signer.sign(headers, bytes, this.accessSecret);
	}

	private byte[] bare(String algorithm) {
		byte[] bytes = this.plainMapper.writeValueAsBytes(this.body);
		try {
			return MessageDigest.getInstance(algorithm).digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
