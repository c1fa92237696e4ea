package dev.nxcloud.whatsapp.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;

class TemplatePageWalkTests {

	private final List<Integer> fetched = new ArrayList<>();

	private Flux<TemplateSummary> walk(int first, Map<Integer, TemplatePage> pages) {
		Function<Integer, Mono<TemplatePage>> fetch = (number) -> Mono.fromSupplier(() -> {
			this.fetched.add(number);
			return pages.get(number);
		});
		return TemplatePageWalk.templates(first, fetch, (number) -> number + 1);
	}

	@Test
	void aPageIsFetchedOnlyOnceThePreviousPageIsConsumed() {
		Flux<TemplateSummary> templates = walk(1, Map.of(1, page(true, 1, 2), 2, page(true, 3, 4), 3, page(false, 5)));
		assertThat(this.fetched).isEmpty();
		StepVerifier.create(templates, 0)
			.then(() -> assertThat(this.fetched).isEmpty())
			.thenRequest(1)
			.assertNext((template) -> assertThat(template.id()).isEqualTo(1L))
			.then(() -> assertThat(this.fetched).containsExactly(1))
			.thenRequest(1)
			.assertNext((template) -> assertThat(template.id()).isEqualTo(2L))
			.then(() -> assertThat(this.fetched).doesNotContain(3))
			.thenRequest(1)
			.assertNext((template) -> assertThat(template.id()).isEqualTo(3L))
			.then(() -> assertThat(this.fetched).containsExactly(1, 2))
			.thenRequest(2)
			.expectNextMatches((template) -> template.id() == 4L)
			.expectNextMatches((template) -> template.id() == 5L)
			.verifyComplete();
		assertThat(this.fetched).containsExactly(1, 2, 3);
	}

	@Test
	void theWalkStartsAtTheGivenPageAndStopsAtAnEmptyPage() {
		StepVerifier.create(walk(4, Map.of(4, page(true, 7), 5, page(true), 6, page(false, 9))))
			.expectNextMatches((template) -> template.id() == 7L)
			.verifyComplete();
		assertThat(this.fetched).containsExactly(4, 5);
	}

	@Test
	void theWalkStopsWhenAPageHasNoData() {
		Function<Integer, Mono<TemplatePage>> fetch = (number) -> {
			this.fetched.add(number);
			return (number == 1) ? Mono.just(page(true, 1)) : Mono.empty();
		};
		StepVerifier.create(TemplatePageWalk.templates(1, fetch, (number) -> number + 1))
			.expectNextCount(1)
			.verifyComplete();
		assertThat(this.fetched).containsExactly(1, 2);
	}

	@Test
	void eachSubscriberWalksOnItsOwn() {
		Flux<TemplateSummary> templates = walk(1, Map.of(1, page(true, 1), 2, page(false, 2)));
		StepVerifier.create(templates).expectNextCount(2).verifyComplete();
		StepVerifier.create(templates).expectNextCount(2).verifyComplete();
		assertThat(this.fetched).containsExactly(1, 2, 1, 2);
	}

	@Test
	void manyPagesDoNotNestSubscribers() {
		int pages = 20_000;
		Function<Integer, Mono<TemplatePage>> fetch = (number) -> Mono.just(page(number < pages, number));
		StepVerifier.create(TemplatePageWalk.templates(1, fetch, (number) -> number + 1))
			.expectNextCount(pages)
			.verifyComplete();
	}

	private static TemplatePage page(boolean hasNext, long... ids) {
		List<TemplateSummary> list = Arrays.stream(ids)
			.mapToObj((id) -> new TemplateSummary(id, 2, "t" + id, null, null, null, null, null, null, null, null, null,
					null, null, null, null))
			.toList();
		return new TemplatePage(list, 0, hasNext);
	}

}
