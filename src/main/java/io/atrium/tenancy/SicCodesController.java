package io.atrium.tenancy;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Caller;
import io.atrium.api.ApiException;
import io.atrium.api.PageOf;
import io.atrium.api.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Size;

@RestController
@RequestMapping("/api/v1/sic-codes")
@Tag(name = "Organisations")
class SicCodesController {

	@GetMapping
	@Operation(summary = "UK SIC 2007 codes for pickers: q matches a code prefix or words of the description; section is a letter A-U")
	PageOf<SicCode> search(Caller caller, @RequestParam(required = false) @Size(max = 200) String q,
			@RequestParam(required = false) String section, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size, @RequestParam(required = false) String sort) {
		var query = PageQuery.of(page, size, sort, SicCodes.SORTABLE, "code");
		var letter = section == null || section.isBlank() ? null : section.strip().toUpperCase(java.util.Locale.ROOT);
		if (letter != null && !SicCodes.isSection(letter)) {
			throw ApiException.invalid("section", "must be a UK SIC 2007 section letter from A to U");
		}
		return SicCodes.search(q, letter, query);
	}
}
