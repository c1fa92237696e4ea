package dev.nxcloud.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One client the load harness drives, {@linkplain LocalClient in the harness's JVM} or {@linkplain ClientProcess in a
 * JVM of its own}.
 */
interface LoadClient extends AutoCloseable {

	/**
	 * Drive the client, {@code concurrency} calls in flight, for a duration.
	 * @param concurrency the calls in flight
	 * @param duration how long to keep starting calls
	 * @param jfr a file to write a JFR recording (settings {@code profile}) of the window to, or {@code null}
	 * @return what the window measured, in the client's JVM
	 */
	Window run(int concurrency, Duration duration, @Nullable Path jfr);

	/**
	 * Wait until the client's JIT has finished compiling what its last run made hot, so that the compilations do not
	 * take the machine's CPU from the next measured run, this client's or another's.
	 */
	void settle();

	@Override
	void close();

}
