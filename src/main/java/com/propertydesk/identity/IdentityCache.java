package com.propertydesk.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.propertydesk.identity.IdentityStamps.Stamp;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Component;

/**
 * What this node knows about callers, valid only under the identity stamps it was learned under: each user's
 * groups and tenants, and which credentials were verified. A password is never kept: a verified one is remembered
 * as an HMAC-SHA256 under a key this node draws at start-up and never shares or stores. Entries live at most
 * {@code propertydesk.authentication.cache-ttl}; whenever the stamps have moved (a change on any node), the entry is
 * ignored and the data read or the password checked afresh.
 */
@Component
class IdentityCache {

    private final IdentityService identityService;
    private final Cache<String, Profile> profiles;
    private final Cache<String, Stamp> verified;
    private final SecretKeySpec key;

    IdentityCache(IdentityService identityService, AuthenticationProperties properties) {
        this.identityService = identityService;
        this.profiles = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
        this.verified = Caffeine.newBuilder().expireAfterWrite(properties.cacheTtl()).maximumSize(10_000).build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** A user as the engine knows them: whether the account exists, its group and tenant ids. */
    record Profile(String userId, boolean exists, List<String> groups, List<String> tenants, Stamp stamp) {

        boolean inGroup(String groupId) {
            return groups.contains(groupId);
        }
    }

    /** The user's profile under the current stamp: from the cache when still valid, else read from the engine. */
    Profile profile(String userId, Stamp stamp) {
        Profile known = profiles.getIfPresent(userId);
        if (known != null && known.stamp().equals(stamp)) {
            return known;
        }
        Profile read = read(userId, stamp);
        profiles.put(userId, read);
        return read;
    }

    private Profile read(String userId, Stamp stamp) {
        if (identityService.createUserQuery().userId(userId).count() != 1) {
            return new Profile(userId, false, List.of(), List.of(), stamp);
        }
        List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).toList();
        List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
                .list().stream().map(Tenant::getId).toList();
        return new Profile(userId, true, groups, tenants, stamp);
    }

    /** Whether exactly this password of this user was verified under the current stamp. */
    boolean verified(String userId, String password, Stamp stamp) {
        return stamp.equals(verified.getIfPresent(credential(userId, password)));
    }

    /** Remembers a verified password, under the stamp read before it was checked. */
    void rememberVerified(String userId, String password, Stamp stamp) {
        verified.put(credential(userId, password), stamp);
    }

    private String credential(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return userId + ':' + HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
