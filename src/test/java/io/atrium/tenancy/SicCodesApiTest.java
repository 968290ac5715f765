package io.atrium.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.atrium.access.OrganisationRole;
import io.atrium.test.Api;
import io.atrium.test.AtriumTest;
import io.atrium.test.Fixtures;
import tools.jackson.databind.JsonNode;

@AtriumTest
class SicCodesApiTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures.Factory factory;

	Fixtures fixtures;

	Api member;

	@BeforeEach
	void setUp() {
		fixtures = factory.at(port);
		var organisation = fixtures.organisation("Sic");
		member = fixtures.signIn(fixtures.member(organisation, OrganisationRole.MEMBER, Map.of()));
	}

	@Test
	void aSignedInUserFindsCodesByWordsOfTheDescription() {
		var found = member.get("/api/v1/sic-codes?q=FITNESS");
		assertThat(found.status()).as(found.toString()).isEqualTo(200);
		assertThat(codes(found.json())).containsExactly("93130");
		assertThat(found.json().get("items").get(0).get("section").asString()).isEqualTo("R");
		assertThat(found.json().get("items").get(0).get("description").asString()).isEqualTo("Fitness facilities");

		assertThat(codes(member.get("/api/v1/sic-codes?q=hotel").json())).containsExactly("55100");
		assertThat(codes(member.get("/api/v1/sic-codes?q=motion%20projection").json())).containsExactly("59140");
	}

	@Test
	void aCodePrefixFindsEveryCodeStartingWithIt() {
		var found = member.get("/api/v1/sic-codes?q=591");
		assertThat(codes(found.json())).containsExactly("59111", "59112", "59113", "59120", "59131", "59132", "59133",
				"59140");
	}

	@Test
	void theSectionFilterKeepsOnlyThatSectionsCodes() {
		var found = member.get("/api/v1/sic-codes?section=t&size=200");
		assertThat(codes(found.json())).containsExactly("97000", "98000", "98100", "98200");
		var retail = member.get("/api/v1/sic-codes?section=G&q=retail%20non-specialised");
		assertThat(codes(retail.json())).containsExactly("47110", "47190");
	}

	@Test
	void theListIsPaginatedAndSortable() {
		var first = member.get("/api/v1/sic-codes?size=10");
		assertThat(first.json().get("totalItems").asLong()).isEqualTo(SicCodes.all().size());
		assertThat(first.json().get("totalPages").asLong()).isEqualTo((SicCodes.all().size() + 9) / 10);
		assertThat(codes(first.json())).hasSize(10).startsWith("01110", "01120");
		var second = member.get("/api/v1/sic-codes?size=10&page=1");
		assertThat(codes(second.json())).hasSize(10).doesNotContainAnyElementsOf(codes(first.json()));
		var last = member.get("/api/v1/sic-codes?size=1&sort=code,desc");
		assertThat(codes(last.json())).containsExactly("99999");
		var badSort = member.get("/api/v1/sic-codes?sort=section");
		assertThat(badSort.status()).isEqualTo(400);
		assertThat(badSort.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
	}

	@Test
	void anUnknownSectionIsAFieldError() {
		var response = member.get("/api/v1/sic-codes?section=Z");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("section");
	}

	@Test
	void onlySignedInUsersMaySearch() {
		var response = fixtures.anonymous().get("/api/v1/sic-codes?q=hotel");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void anOrganisationIsCreatedWithAKnownCodeAndItsClassificationVersion() {
		var created = fixtures.superAdmin().post("/api/v1/organisations",
				Map.of("name", "Picture House", "slug", Fixtures.unique("pictures"), "industry", "CINEMA", "sicCode", "59140"));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("sicCode").asString()).isEqualTo("59140");
		assertThat(created.json().get("sicVersion").asString()).isEqualTo("SIC2007");
	}

	@Test
	void creatingAnOrganisationWithAnUnknownCodeIsAFieldError() {
		var slug = Fixtures.unique("madeup");
		var response = fixtures.superAdmin().post("/api/v1/organisations",
				Map.of("name", "Made Up", "slug", slug, "sicCode", "12345"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("sicCode");
		var list = fixtures.superAdmin().get("/api/v1/organisations?q=" + slug);
		assertThat(list.json().get("totalItems").asLong()).isZero();
	}

	@Test
	void changingAnOrganisationToAnUnknownCodeIsAFieldErrorAndKeepsTheOldCode() {
		var admin = fixtures.superAdmin();
		var created = admin.post("/api/v1/organisations",
				Map.of("name", "Gym Co", "slug", Fixtures.unique("gym"), "industry", "GYM", "sicCode", "93130"));
		var id = created.json().get("id").asString();
		var response = admin.patch("/api/v1/organisations/" + id, Map.of("sicCode", "00000"));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("sicCode");
		var stored = admin.get("/api/v1/organisations/" + id).json();
		assertThat(stored.get("sicCode").asString()).isEqualTo("93130");
		assertThat(stored.get("version").asInt()).isZero();
	}

	private static java.util.List<String> codes(JsonNode page) {
		var codes = new java.util.ArrayList<String>();
		page.get("items").forEach(item -> codes.add(item.get("code").asString()));
		return codes;
	}
}
