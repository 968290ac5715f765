package io.atrium.tenancy;

/** The industry an organisation works in; market intelligence compares organisations within one. */
public enum Industry {
	CINEMA, HOTEL, GYM, RETAIL, B2B, ISP, OTHER
}
