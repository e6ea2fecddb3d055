package org.emporium.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the account unless its email is taken (case-insensitively, the unique index on
     * {@code lower(email)}); returns whether it did. {@code ON CONFLICT DO NOTHING} rather than catching the
     * unique violation: the statement does the same work either way, and it leaves the transaction usable.
     */
    public boolean insertIfAbsent(Account account) {
        return jdbc.sql("""
                        INSERT INTO accounts (id, email, name, password_hash, roles, created_at)
                        VALUES (:id, :email, :name, :hash, :roles, :created)
                        ON CONFLICT DO NOTHING""")
                .param("id", account.id())
                .param("email", account.email())
                .param("name", account.name())
                .param("hash", account.passwordHash())
                .param("roles", String.join(",", account.roles()))
                .param("created", Timestamp.from(account.createdAt()))
                .update() == 1;
    }

    public Optional<Account> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM accounts WHERE lower(email) = lower(:email)")
                .param("email", email).query(AccountRepository::map).optional();
    }

    public Optional<Account> findById(UUID id) {
        return jdbc.sql("SELECT * FROM accounts WHERE id = :id").param("id", id).query(AccountRepository::map).optional();
    }

    public boolean anyWithRole(String role) {
        return jdbc.sql("SELECT count(*) FROM accounts WHERE (',' || roles || ',') LIKE :pattern")
                .param("pattern", "%," + role + ",%").query(Long.class).single() > 0;
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getString("password_hash"), List.of(rs.getString("roles").split(",")),
                rs.getTimestamp("created_at").toInstant());
    }

    static List<String> roles(String csv) {
        return Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
