package io.atrium.database;

/** The PostgreSQL server Atrium talks to, embedded or external. */
record DatabaseServer(String url, String owner, String ownerPassword, String appUser, String appPassword,
		EmbeddedCluster cluster) implements AutoCloseable {

	@Override
	public void close() throws Exception {
		if (cluster != null) {
			cluster.close();
		}
	}
}
