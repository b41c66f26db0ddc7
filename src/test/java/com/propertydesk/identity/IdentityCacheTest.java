package com.propertydesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertydesk.identity.IdentityStamps.Stamp;
import com.propertydesk.support.ApiClient;
import com.propertydesk.support.SpringTestBase;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Verified credentials and groups are remembered, and a change counts from the next request: every identity write
 * of the engine bumps a stamp in the database, and every request compares its cache with the stamps there. Each
 * test works with an account of its own, changed through the engine REST API as Camunda Admin changes it.
 */
class IdentityCacheTest extends SpringTestBase {

    private static final String FIRST_PASSWORD = "first-Password-1";
    private static final String KPIS = "/api/v1/reports/kpis";
    private static final String TICKETS = "/api/v1/tickets?size=1";

    @Autowired
    IdentityStamps stamps;

    @Autowired
    JdbcTemplate jdbc;

    ApiClient api;
    IdentityService identity;
    String user;

    @BeforeEach
    void account() {
        api = new ApiClient(port);
        identity = engine.getIdentityService();
        user = "cache-" + UUID.randomUUID().toString().substring(0, 8);
        User created = identity.newUser(user);
        created.setFirstName("缓存");
        created.setLastName("测试");
        created.setPassword(FIRST_PASSWORD);
        identity.saveUser(created);
        identity.createMembership(user, Groups.ENGINEERING);
    }

    @AfterEach
    void removeAccount() {
        identity.deleteUser(user);
    }

    @Test
    void aPasswordChangedThroughTheEngineCountsFromTheNextRequest() {
        assertThat(api.get(TICKETS, user + ":" + FIRST_PASSWORD).status()).isEqualTo(200);
        assertThat(api.get(TICKETS, user + ":" + FIRST_PASSWORD).status()).as("remembered").isEqualTo(200);

        ApiClient.Reply changed = api.putJson("/engine-rest/user/" + user + "/credentials", "admin",
                Map.of("password", "second-Password-2", "authenticatedUserPassword", "demo"));
        assertThat(changed.status()).as(changed.raw()).isEqualTo(204);

        assertThat(api.get(TICKETS, user + ":second-Password-2").status()).isEqualTo(200);
        assertThat(api.get(TICKETS, user + ":" + FIRST_PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void aMembershipChangeCountsFromTheNextRequest() {
        String credentials = user + ":" + FIRST_PASSWORD;
        assertThat(api.get(KPIS, credentials).status()).isEqualTo(403);

        assertThat(api.putJson("/engine-rest/group/manager/members/" + user, "admin", Map.of()).status())
                .isEqualTo(204);
        assertThat(api.get(KPIS, credentials).status()).as("now a manager").isEqualTo(200);

        assertThat(api.delete("/engine-rest/group/manager/members/" + user, "admin").status()).isEqualTo(204);
        assertThat(api.get(KPIS, credentials).status()).as("no manager any more").isEqualTo(403);
    }

    @Test
    void aDeletedAccountIsRefusedFromTheNextRequest() {
        String credentials = user + ":" + FIRST_PASSWORD;
        assertThat(api.get(TICKETS, credentials).status()).isEqualTo(200);

        assertThat(api.delete("/engine-rest/user/" + user, "admin").status()).isEqualTo(204);

        assertThat(api.get(TICKETS, credentials).status()).isEqualTo(401);
        recreateForCleanup();
    }

    @Test
    void staffKeepCamundasLockAfterAWrongPasswordEvenWithRememberedCredentials() {
        String credentials = user + ":" + FIRST_PASSWORD;
        assertThat(api.get(TICKETS, credentials).status()).isEqualTo(200);

        assertThat(api.get(TICKETS, user + ":wrong").status()).isEqualTo(401);
        assertThat(api.get(TICKETS, credentials).status()).as("locked for a few seconds").isEqualTo(401);

        assertThat(api.postJson("/engine-rest/user/" + user + "/unlock", "admin", Map.of()).status())
                .isEqualTo(204);
        assertThat(api.get(TICKETS, credentials).status()).as("unlocked by an administrator").isEqualTo(200);
    }

    @Test
    void theDatabaseStampIsWhatEveryNodeGoesBy() {
        String credentials = user + ":" + FIRST_PASSWORD;
        assertThat(api.get(TICKETS, credentials).status()).isEqualTo(200);
        // another node's change, as this node sees it: the rows in the shared database and nothing in memory
        // (here: the password becomes "demo", admin's hash and salt)
        Map<String, Object> demo = jdbc.queryForMap("SELECT PWD_, SALT_ FROM ACT_ID_USER WHERE ID_ = 'admin'");
        jdbc.update("UPDATE ACT_ID_USER SET PWD_ = ?, SALT_ = ? WHERE ID_ = ?", demo.get("PWD_"), demo.get("SALT_"),
                user);
        assertThat(api.get(TICKETS, credentials).status()).as("trusted while the stamp stands").isEqualTo(200);

        jdbc.update("UPDATE identity_stamp SET version = version + 1 WHERE id = ?", IdentityStamps.bucket(user));

        assertThat(api.get(TICKETS, user + ":demo").status()).as("checked again once it moved").isEqualTo(200);
        assertThat(api.get(TICKETS, credentials).status()).isEqualTo(401);
    }

    @Test
    void everyIdentityWriteBumpsTheStampOfWhomItConcerns() {
        String tenant = "t" + UUID.randomUUID().toString().substring(0, 8);
        String group = "g-" + UUID.randomUUID().toString().substring(0, 8);

        assertBumps(true, false, "password change", () -> {
            User changed = identity.createUserQuery().userId(user).singleResult();
            changed.setPassword("second-Password-2");
            identity.saveUser(changed);
        });
        assertBumps(true, false, "membership", () -> identity.createMembership(user, Groups.CLEANING));
        assertBumps(true, false, "membership removed", () -> identity.deleteMembership(user, Groups.CLEANING));
        assertBumps(true, false, "wrong password (lock)", () -> identity.checkPassword(user, "wrong"));
        assertBumps(true, false, "unlock", () -> identity.unlockUser(user));
        assertBumps(false, false, "new group", () -> {
            Group created = identity.newGroup(group);
            created.setName("临时组");
            identity.saveGroup(created);
        });
        assertBumps(false, false, "new tenant", () -> identity.saveTenant(identity.newTenant(tenant)));
        assertBumps(true, false, "tenant membership", () -> identity.createTenantUserMembership(tenant, user));
        assertBumps(true, false, "tenant membership removed",
                () -> identity.deleteTenantUserMembership(tenant, user));
        assertBumps(false, true, "group's tenant membership",
                () -> identity.createTenantGroupMembership(tenant, group));
        assertBumps(false, true, "group's tenant membership removed",
                () -> identity.deleteTenantGroupMembership(tenant, group));
        assertBumps(false, true, "tenant deleted", () -> identity.deleteTenant(tenant));
        assertBumps(false, true, "group deleted", () -> identity.deleteGroup(group));
        assertBumps(false, false, "refused write (no such group)", () -> assertThatThrownBy(
                () -> identity.createMembership(user, "no-such-group")).isInstanceOf(RuntimeException.class));
        assertBumps(true, false, "account deleted", () -> identity.deleteUser(user));
        recreateForCleanup();
    }

    private void assertBumps(boolean userStamp, boolean everyone, String change, Runnable write) {
        Stamp before = stamps.current(user);
        write.run();
        Stamp after = stamps.current(user);
        assertThat(after.user() != before.user()).as("%s moves the user's stamp", change).isEqualTo(userStamp);
        assertThat(after.everyone() != before.everyone()).as("%s moves everyone's stamp", change)
                .isEqualTo(everyone);
    }

    private void recreateForCleanup() {
        identity.saveUser(identity.newUser(user));
    }
}
