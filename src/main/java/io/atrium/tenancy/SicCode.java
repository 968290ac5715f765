package io.atrium.tenancy;

/**
 * One UK SIC 2007 subclass.
 *
 * @param code the five-digit code, e.g. {@code 59140}
 * @param section the section letter, A to U
 * @param description what the code classifies
 */
public record SicCode(String code, String section, String description) {
}
