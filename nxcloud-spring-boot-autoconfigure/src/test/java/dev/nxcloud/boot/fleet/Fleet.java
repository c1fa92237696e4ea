package dev.nxcloud.boot.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.AbstractApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Several instances of one application in this JVM: application contexts from one runner, all running at once, closed
 * when the body returns.
 */
final class Fleet {

	private Fleet() {
	}

	static <R extends AbstractApplicationContextRunner<R, C, A>, C extends ConfigurableApplicationContext, A extends ApplicationContextAssertProvider<C>> void run(
			R runner, int instances, Consumer<List<A>> body) {
		start(runner, instances, new ArrayList<>(), body);
	}

	private static <R extends AbstractApplicationContextRunner<R, C, A>, C extends ConfigurableApplicationContext, A extends ApplicationContextAssertProvider<C>> void start(
			R runner, int remaining, List<A> started, Consumer<List<A>> body) {
		if (remaining == 0) {
			body.accept(List.copyOf(started));
			return;
		}
		runner.run((context) -> {
			started.add(context);
			start(runner, remaining - 1, started, body);
		});
	}

}
