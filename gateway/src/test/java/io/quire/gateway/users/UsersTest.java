package io.quire.gateway.users;

import io.quire.domain.CommandRejectedException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UsersTest {

    @Test
    void aDatabaseMadeBeforeWorkspacesGainsTheColumnAndItsUsersMayUseEverything() throws Exception {
        JdbcDataSource dataSource = dataSource();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE quire_user (name VARCHAR(255) PRIMARY KEY,"
                    + " token_sha256 VARCHAR(64) NOT NULL)");
            connection.createStatement().execute("INSERT INTO quire_user VALUES ('old', '" + Users.sha256("tok") + "')");
        }
        Users users = new Users(dataSource);
        assertThat(users.byToken("tok")).contains(new User("old", Workspaces.EVERYWHERE));
        new Users(dataSource); // a second start finds the column there
        users.add("new", Workspaces.of(List.of("a/b", "c")));
        assertThat(users.everyone()).containsExactly(new User("new", new Workspaces(List.of("a/b", "c"))),
                new User("old", Workspaces.EVERYWHERE));
    }

    @Test
    void workspacesChangeAndAnEmptyListMeansEverything() {
        Users users = new Users(dataSource());
        String token = users.add("kim", Workspaces.of(List.of("team")));
        users.limit("kim", users.find("kim").orElseThrow().workspaces().change(List.of("/lab/"), List.of("team")));
        assertThat(users.byToken(token).orElseThrow().workspaces().folders()).containsExactly("lab");
        users.limit("kim", Workspaces.EVERYWHERE);
        assertThat(users.byToken(token).orElseThrow().workspaces().unlimited()).isTrue();
        assertThatThrownBy(() -> users.limit("nobody", Workspaces.EVERYWHERE))
                .isInstanceOf(CommandRejectedException.class).hasMessageContaining("quire user ls");
    }

    @Test
    void aWorkspaceContainsItsFolderAndWhatIsUnderItOnly() {
        Workspaces team = Workspaces.of(List.of("team/a"));
        assertThat(team.allows("team/a")).isTrue();
        assertThat(team.allows("team/a/x.ipynb")).isTrue();
        assertThat(team.allows("team/ab.ipynb")).isFalse();
        assertThat(team.allows("team")).isFalse();
        assertThat(team.leadsTo("team")).isTrue();
        assertThat(team.leadsTo("")).isTrue();
        assertThat(team.leadsTo("te")).isFalse();
        for (String bad : List.of("", "/", "a/../b", "..", "a\\b", "a/\u0000", "a/./b")) {
            assertThatThrownBy(() -> Workspaces.of(List.of(bad))).as(bad)
                    .isInstanceOf(CommandRejectedException.class);
        }
    }

    private static JdbcDataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return dataSource;
    }
}
