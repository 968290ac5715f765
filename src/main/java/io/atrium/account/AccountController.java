package io.atrium.account;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.atrium.access.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Your account")
class AccountController {

	private final Accounts accounts;

	AccountController(Accounts accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/auth/me")
	@Operation(summary = "You: your user, your organisations with their sites, roles and permissions, and your preferences; "
			+ "works while a password change is pending")
	Accounts.Overview me(Caller caller) {
		return accounts.overview(caller);
	}

	@PutMapping("/api/v1/auth/me/preferences")
	@Operation(summary = "Replace your preferences (lastSiteId must be a site you can open)")
	Accounts.Preferences changePreferences(Caller caller, @Valid @RequestBody Accounts.Preferences preferences) {
		return accounts.changePreferences(caller, preferences);
	}
}
