package io.atrium.api;

import java.util.List;
import java.util.function.Function;

/** A page of a list, with the totals a client needs to page through it. */
public record PageOf<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

	public static <T> PageOf<T> of(List<T> items, PageQuery query, long total) {
		return new PageOf<>(items, query.page(), query.size(), total, (int) ((total + query.size() - 1) / query.size()));
	}

	public <R> PageOf<R> map(Function<T, R> mapper) {
		return new PageOf<>(items.stream().map(mapper).toList(), page, size, totalItems, totalPages);
	}
}
