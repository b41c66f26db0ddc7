package com.propertydesk.identity;

import java.util.List;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups, the first administrator and, in demo mode, the demo users. Idempotent: a restart or
 * a second node starting at the same time changes nothing that exists.
 */
@Component
@Order(0)
public class IdentitySetup implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(IdentitySetup.class);
    static final String DEMO_PASSWORD = "demo";

    /** A demo account: user id, display name, groups. */
    record DemoUser(String id, String name, List<String> groups) {
    }

    static final List<DemoUser> DEMO_USERS = List.of(
            new DemoUser("admin", "系统管理员", List.of(Groups.ADMIN)),
            new DemoUser("frontdesk", "前台小陈", List.of(Groups.FRONT_DESK)),
            new DemoUser("cs", "客服小刘", List.of(Groups.CUSTOMER_SERVICE)),
            new DemoUser("engineer", "张工", List.of(Groups.ENGINEERING)),
            new DemoUser("engineer2", "李工", List.of(Groups.ENGINEERING)),
            new DemoUser("cleaner", "保洁王阿姨", List.of(Groups.CLEANING)),
            new DemoUser("guard", "保安赵师傅", List.of(Groups.SECURITY)),
            new DemoUser("manager", "孙经理", List.of(Groups.MANAGER)),
            new DemoUser("gm", "周总", List.of(Groups.GM)),
            new DemoUser("integrator", "业主APP接口", List.of(Groups.INTEGRATOR)));

    private final IdentityService identityService;
    private final IdentityProperties properties;

    public IdentitySetup(IdentityService identityService, IdentityProperties properties) {
        this.identityService = identityService;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        Groups.ALL.forEach(this::ensureGroup);
        if (properties.demo().enabled()) {
            DEMO_USERS.forEach(this::ensureDemoUser);
            LOG.warn("Demo mode: demo users with the password '{}' exist; never enable demo mode in production",
                    DEMO_PASSWORD);
        }
        IdentityProperties.Admin admin = properties.admin();
        if (admin.configured()) {
            ensureAdministrator(admin.user().strip(), admin.password());
        } else if (!properties.demo().enabled()
                && identityService.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
            throw new MissingAdministratorException();
        }
    }

    private void ensureGroup(Groups.Definition definition) {
        if (identityService.createGroupQuery().groupId(definition.id()).count() > 0) {
            return;
        }
        Group group = identityService.newGroup(definition.id());
        group.setName(definition.name());
        group.setType(definition.type());
        saveConcurrently(() -> identityService.saveGroup(group),
                () -> identityService.createGroupQuery().groupId(definition.id()).count() > 0);
    }

    private void ensureDemoUser(DemoUser demo) {
        if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
            User user = identityService.newUser(demo.id());
            user.setFirstName(demo.name());
            user.setLastName("");
            user.setEmail(demo.id() + "@propertydesk.local");
            user.setPassword(DEMO_PASSWORD);
            saveConcurrently(() -> identityService.saveUser(user), () -> userExists(demo.id()));
        }
        demo.groups().forEach(group -> ensureMembership(demo.id(), group));
    }

    /** The configured administrator exists, is in camunda-admin and has the configured password. */
    private void ensureAdministrator(String userId, String password) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            User created = identityService.newUser(userId);
            created.setFirstName("系统管理员");
            created.setLastName("");
            created.setPassword(password);
            saveConcurrently(() -> identityService.saveUser(created), () -> userExists(userId));
            LOG.info("Created administrator {}", userId);
        } else if (!identityService.checkPassword(userId, password)) {
            user.setPassword(password);
            identityService.saveUser(user);
            LOG.info("Updated the password of administrator {} from the environment", userId);
        }
        ensureMembership(userId, Groups.ADMIN);
    }

    private void ensureMembership(String userId, String groupId) {
        if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
            saveConcurrently(() -> identityService.createMembership(userId, groupId),
                    () -> identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() > 0);
        }
    }

    private boolean userExists(String userId) {
        return identityService.createUserQuery().userId(userId).count() > 0;
    }

    /** Another node starting at the same moment may have created it first; that is fine, anything else is not. */
    private static void saveConcurrently(Runnable save, BooleanSupplier existsNow) {
        try {
            save.run();
        } catch (RuntimeException e) {
            if (!existsNow.getAsBoolean()) {
                throw e;
            }
            LOG.info("Identity entry created concurrently by another node: {}", e.getMessage());
        }
    }
}
