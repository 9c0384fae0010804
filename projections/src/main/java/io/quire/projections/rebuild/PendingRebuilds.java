package io.quire.projections.rebuild;

import io.quire.projections.jdbc.Sql;
import org.axonframework.common.jdbc.ConnectionProvider;

import java.util.Collection;
import java.util.List;

/**
 * The processing groups whose read models are being rebuilt: marked before their tables are dropped, cleared in the
 * rebuild's last transaction. A mark found at start-up means a rebuild was cut short (a crash, a kill) and left
 * half-filled tables without a token: the group is rebuilt again rather than replayed on top of them.
 */
public final class PendingRebuilds {

    private final Sql sql;

    public PendingRebuilds(ConnectionProvider connections) {
        this.sql = new Sql(connections);
    }

    public void createTable() {
        sql.ddl("CREATE TABLE IF NOT EXISTS read_model_rebuild (processing_group VARCHAR(255) NOT NULL,"
                + " PRIMARY KEY (processing_group))");
    }

    /** The groups whose last rebuild did not finish. */
    public List<String> unfinished() {
        return sql.query("SELECT processing_group FROM read_model_rebuild ORDER BY processing_group",
                row -> row.getString(1));
    }

    /** Marks the groups about to be rebuilt; before anything of theirs is dropped. */
    public void begin(Collection<String> groups) {
        for (String group : groups) {
            sql.execute("DELETE FROM read_model_rebuild WHERE processing_group = ?", group);
            sql.execute("INSERT INTO read_model_rebuild (processing_group) VALUES (?)", group);
        }
    }

    /** Clears a group's mark, in the transaction that stores its token. */
    void done(String group) {
        sql.execute("DELETE FROM read_model_rebuild WHERE processing_group = ?", group);
    }
}
