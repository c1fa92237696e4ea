package dev.nxcloud.whatsapp.template;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A lazy walk through the template list's pages, for one subscriber: a page is fetched only once the previous
 * page's templates have all been consumed, and the walk stops at a page without a next page or without templates.
 *
 * @param <Q> the query of one page
 */
final class TemplatePageWalk<Q> {

	private final Function<Q, Mono<TemplatePage>> fetch;

	private final UnaryOperator<Q> nextPage;

	private Q next;

	private boolean hasNext = true;

	private TemplatePageWalk(Q first, Function<Q, Mono<TemplatePage>> fetch, UnaryOperator<Q> nextPage) {
		this.fetch = fetch;
		this.nextPage = nextPage;
		this.next = first;
	}

	/**
	 * The templates of every page from the first on; each subscriber walks on its own.
	 * @param <Q> the query of one page
	 * @param first the first page's query
	 * @param fetch fetches a page
	 * @param nextPage the query of the page after a given one
	 * @return the templates
	 */
	static <Q> Flux<TemplateSummary> templates(Q first, Function<Q, Mono<TemplatePage>> fetch,
			UnaryOperator<Q> nextPage) {
		return Flux.defer(() -> {
			TemplatePageWalk<Q> walk = new TemplatePageWalk<>(first, fetch, nextPage);
			return Flux.defer(walk::fetchNext).concatMapIterable(TemplatePage::list).repeat(walk::hasNext);
		});
	}

	private Mono<TemplatePage> fetchNext() {
		Q query = this.next;
		this.hasNext = false;
		return this.fetch.apply(query).doOnNext((page) -> {
			this.hasNext = page.hasNextPage() && !page.list().isEmpty();
			this.next = this.nextPage.apply(query);
		});
	}

	private boolean hasNext() {
		return this.hasNext;
	}

}
