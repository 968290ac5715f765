package io.atrium.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One page of a list: which page, how large, sorted how. Sorting is only allowed on the fields
 * a list names, each mapped to its SQL column, so a sort key never reaches SQL unchecked.
 *
 * @param page zero-based page number
 * @param size items per page, 1 to 200
 * @param sortColumn SQL column to sort by
 * @param ascending sort direction
 */
public record PageQuery(int page, int size, String sortColumn, boolean ascending) {

	public static final int MAX_SIZE = 200;

	/**
	 * @param sort {@code field} or {@code field,asc|desc}; null for the default
	 * @param sortable the API field names that may be sorted on, mapped to SQL columns
	 * @param defaultSort the field used when none is given
	 */
	public static PageQuery of(Integer page, Integer size, String sort, Map<String, String> sortable, String defaultSort) {
		var errors = new ArrayList<ApiException.FieldProblem>();
		int p = page == null ? 0 : page;
		int s = size == null ? 20 : size;
		if (p < 0) {
			errors.add(new ApiException.FieldProblem("page", "must be 0 or more"));
		}
		if (s < 1 || s > MAX_SIZE) {
			errors.add(new ApiException.FieldProblem("size", "must be between 1 and " + MAX_SIZE));
		}
		else if (p > Integer.MAX_VALUE / s) {
			// the offset (page times size) must stay a number SQL accepts; no list is that long
			errors.add(new ApiException.FieldProblem("page", "must be at most " + Integer.MAX_VALUE / s + " for size " + s));
		}
		var field = defaultSort;
		var ascending = true;
		if (sort != null && !sort.isBlank()) {
			var parts = sort.split(",", -1);
			field = parts[0].trim();
			if (parts.length > 2 || (parts.length == 2 && !List.of("asc", "desc").contains(parts[1].trim().toLowerCase()))) {
				errors.add(new ApiException.FieldProblem("sort", "must be field or field,asc or field,desc"));
			}
			else if (parts.length == 2) {
				ascending = parts[1].trim().equalsIgnoreCase("asc");
			}
			if (!sortable.containsKey(field)) {
				errors.add(new ApiException.FieldProblem("sort",
						"cannot sort by '" + field + "'; sortable fields: " + String.join(", ", sortable.keySet().stream().sorted().toList())));
			}
		}
		if (!errors.isEmpty()) {
			throw ApiException.invalid(errors);
		}
		return new PageQuery(p, s, sortable.get(field), ascending);
	}

	public int offset() {
		return page * size;
	}

	/** ORDER BY clause with {@code id} as a stable tiebreak. */
	public String orderBy() {
		var direction = ascending ? "asc" : "desc";
		return " order by " + sortColumn + " " + direction + ", id " + direction;
	}
}
