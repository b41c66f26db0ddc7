package com.propertydesk.identity;

import com.propertydesk.config.InvalidFieldException;
import com.propertydesk.identity.IdentityCache.Profile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * API tokens for integrator accounts ({@code Authorization: Bearer pdt_…}): something a stranger cannot exhaust.
 * A token is 32 random bytes, shown once when an administrator creates it; only its SHA-256 is stored (a token
 * cannot be guessed, so a fast hash is enough, and the lookup is one indexed read). A token acts with exactly its
 * account's rights (its groups: {@code integrator}, {@code all-tickets}, {@code owner-phones}, as they are now) and
 * only while the account exists and is in {@code integrator}; it may expire, and is revoked by an administrator.
 *
 * <p>Wrong, revoked or expired tokens count as failures of the caller's address ({@link AddressThrottle}); a valid
 * token is accepted from any address, also one that is refused for its failures, so a stranger's attempts never
 * refuse the integrator that holds the token. Its last use is recorded to the minute (at most one write a minute).
 */
@Service
class ApiTokenService {

    static final String PREFIX = "pdt_";
    /** pdt_ and 32 bytes in URL-safe Base64 without padding. */
    private static final Pattern FORMAT = Pattern.compile("pdt_[A-Za-z0-9_-]{43}");
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
    private static final String COLUMNS = "id, token_prefix, user_id, name, created_at, created_by, expires_at, "
            + "last_used_at, revoked_at, revoked_by";

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;
    private final IdentityStamps stamps;
    private final IdentityCache identities;
    private final AddressThrottle throttle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(JdbcTemplate jdbc, IdentityStamps stamps, IdentityCache identities, AddressThrottle throttle,
            Clock clock) {
        this.jdbc = jdbc;
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("api_token").usingGeneratedKeyColumns("id")
                .usingColumns("token_hash", "token_prefix", "user_id", "name", "created_at", "created_by",
                        "expires_at");
        this.stamps = stamps;
        this.identities = identities;
        this.throttle = throttle;
        this.clock = clock;
    }

    /** A token as created: the stored record and the token itself, which is never shown again. */
    record Created(ApiToken token, String secret) {
    }

    Created create(String userId, String name, Instant expiresAt, String createdBy) {
        Profile account = identities.profile(userId, stamps.current(userId));
        if (!account.exists()) {
            throw new InvalidFieldException("user", "没有这个账号：" + userId);
        }
        if (!account.inGroup(Groups.INTEGRATOR)) {
            throw new InvalidFieldException("user", "只能为接口账号（integrator 组的成员）创建令牌：" + userId);
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new InvalidFieldException("expiresAt", "过期时间必须在将来");
        }
        if (expiresAt != null && expiresAt.isAfter(com.propertydesk.ticket.api.TimeRanges.LATEST)) {
            // the expires_at DATETIME holds no later year
            throw new InvalidFieldException("expiresAt", "过期时间不能晚于 9999 年");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String prefix = secret.substring(0, PREFIX.length() + 6);
        Map<String, Object> row = new HashMap<>();
        row.put("token_hash", hash(secret));
        row.put("token_prefix", prefix);
        row.put("user_id", userId);
        row.put("name", name);
        row.put("created_at", utc(now));
        row.put("created_by", createdBy);
        row.put("expires_at", expiresAt == null ? null : utc(expiresAt));
        Number id = insert.executeAndReturnKey(row);
        return new Created(find(id.longValue()).orElseThrow(), secret);
    }

    List<ApiToken> list(String userId) {
        return userId == null
                ? jdbc.query("SELECT " + COLUMNS + " FROM api_token ORDER BY id", ROW)
                : jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE user_id = ? ORDER BY id", ROW, userId);
    }

    Optional<ApiToken> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_token WHERE id = ?", ROW, id).stream().findFirst();
    }

    /** Revokes a token at once on every node (each use reads its row). False when there is no such token. */
    boolean revoke(long id, String revokedBy) {
        jdbc.update("UPDATE api_token SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL",
                utc(clock.instant()), revokedBy, id);
        return find(id).isPresent();
    }

    /** The caller a bearer token stands for, or a failure counted against the caller's address. */
    Authentication authenticate(String secret, String address) {
        Optional<TokenUse> use = FORMAT.matcher(secret).matches() ? lookUp(hash(secret)) : Optional.empty();
        Instant now = clock.instant();
        if (use.isEmpty() || use.get().revoked() || (use.get().expiresAt() != null
                && !use.get().expiresAt().isAfter(now))) {
            throttle.failed(address);
            throw new BadCredentialsException("Unknown, revoked or expired API token");
        }
        TokenUse token = use.get();
        Profile account = identities.profile(token.userId(), stamps.current(token.userId()));
        if (!account.exists() || !account.inGroup(Groups.INTEGRATOR)) {
            throw new BadCredentialsException("The API token's account is no integrator account any more");
        }
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            jdbc.update("UPDATE api_token SET last_used_at = ? WHERE id = ?", utc(now), token.id());
        }
        return new ApiTokenAuthentication(token.userId(), token.id(),
                CamundaIdentityAuthenticationProvider.authorities(account));
    }

    /** What authenticating with a token needs to know of its row. */
    private record TokenUse(long id, String userId, Instant expiresAt, Instant lastUsedAt, boolean revoked) {
    }

    private Optional<TokenUse> lookUp(String hash) {
        return jdbc.query("SELECT id, user_id, expires_at, last_used_at, revoked_at FROM api_token "
                + "WHERE token_hash = ?", (row, n) -> new TokenUse(row.getLong(1), row.getString(2),
                        instant(row, 3), instant(row, 4), row.getObject(5) != null), hash).stream().findFirst();
    }

    private static final RowMapper<ApiToken> ROW = (row, n) -> new ApiToken(row.getLong("id"),
            row.getString("token_prefix"), row.getString("user_id"), row.getString("name"),
            instant(row, "created_at"), row.getString("created_by"), instant(row, "expires_at"),
            instant(row, "last_used_at"), instant(row, "revoked_at"), row.getString("revoked_by"));

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
