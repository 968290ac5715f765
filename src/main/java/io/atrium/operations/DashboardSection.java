package io.atrium.operations;

import io.atrium.database.Scope;

/**
 * A module's own part of the operator dashboard (for instance flag evaluations, once the flags
 * module offers them): declare an implementation as a bean and its summary appears in
 * {@code GET /api/v1/admin/dashboard/stats} under {@code sections.<name>}.
 */
public interface DashboardSection {

	/** The key of the section, e.g. {@code flagEvaluations}. */
	String name();

	/** A small JSON-serialisable summary, read in the platform scope. */
	Object summary(Scope platform);
}
