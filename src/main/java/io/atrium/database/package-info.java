/**
 * The database: an embedded PostgreSQL by default or an external one, Flyway migrations run
 * as the owning role, and {@link io.atrium.database.TenantTransactions}, through which every
 * request touches data with row-level security set for its caller.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Database", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.atrium.database;
