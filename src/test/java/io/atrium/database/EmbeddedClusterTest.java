package io.atrium.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The embedded cluster Atrium starts when no external PostgreSQL is named: a committed change is
 * on disk before it is answered, and the data directory is used again on the next start.
 */
class EmbeddedClusterTest {

	Path directory;

	@BeforeEach
	void directory() throws Exception {
		directory = Files.createTempDirectory("atrium-embedded");
	}

	@AfterEach
	void removeDirectory() throws Exception {
		try (var files = Files.walk(directory)) {
			files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	@Test
	void commitsAreFlushedToDiskBeforeTheyAreAnswered() throws Exception {
		try (var cluster = EmbeddedCluster.start(directory, 0)) {
			cluster.provision("atrium_owner", "atrium_app", "secret");
			assertThat(setting(cluster, "fsync")).isEqualTo("on");
			assertThat(setting(cluster, "synchronous_commit")).isEqualTo("on");
			assertThat(setting(cluster, "full_page_writes")).isEqualTo("on");
		}
	}

	@Test
	void dataSurvivesARestart() throws Exception {
		try (var cluster = EmbeddedCluster.start(directory, 0)) {
			cluster.provision("atrium_owner", "atrium_app", "secret");
			execute(cluster, "create table kept (word text)");
			execute(cluster, "insert into kept values ('still here')");
		}
		try (var cluster = EmbeddedCluster.start(directory, 0)) {
			cluster.provision("atrium_owner", "atrium_app", "secret");
			try (var connection = DriverManager.getConnection(cluster.jdbcUrl(), "atrium_owner", "");
					var rs = connection.createStatement().executeQuery("select word from kept")) {
				assertThat(rs.next()).isTrue();
				assertThat(rs.getString(1)).isEqualTo("still here");
			}
		}
	}

	private static String setting(EmbeddedCluster cluster, String name) throws SQLException {
		try (var connection = DriverManager.getConnection(cluster.jdbcUrl(), "atrium_owner", "");
				var rs = connection.createStatement().executeQuery("show " + name)) {
			rs.next();
			return rs.getString(1);
		}
	}

	private static void execute(EmbeddedCluster cluster, String sql) throws SQLException {
		try (var connection = DriverManager.getConnection(cluster.jdbcUrl(), "atrium_owner", "")) {
			connection.createStatement().execute(sql);
		}
	}
}
