package io.atrium.entitlements;

/**
 * The applications an organisation can be entitled to. (Named after the product's word for
 * them; inside this package it shadows {@code java.lang.Module}, which Atrium does not use.)
 */
public enum Module {

	INTERACTIONS("Interactions"),
	INTEGRATIONS("Integrations"),
	ISP("ISP"),
	MARKET("Market");

	private final String displayName;

	Module(String displayName) {
		this.displayName = displayName;
	}

	public String displayName() {
		return displayName;
	}
}
