package com.propertydesk.identity;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * Camunda's own database identity provider (users, groups, tenants, memberships, passwords, login locks), which
 * also bumps the {@link IdentityStamps} on every write, in the same transaction: whoever changes a password, locks
 * or unlocks an account or changes a membership, through Camunda Admin, the engine REST API or our code, on any
 * node, every node's credential cache notices it with its next request. Writes are bumped after the engine has
 * accepted them (its authorization checks passed); the engine flushes its own statements at commit, so a failing
 * write rolls the bump back with it.
 *
 * <p>Login throttling stays Camunda's: {@link #checkPassword} locks an account for a growing time after each wrong
 * password. {@link #passwordMatchesIgnoringLock} is the check without it, for integrator accounts, which must not
 * be lockable by strangers (they are throttled per client address instead, {@link AddressThrottle}).
 */
class StampingIdentityProvider extends DbIdentityServiceProvider {

    private final IdentityStamps stamps;

    StampingIdentityProvider(IdentityStamps stamps) {
        this.stamps = stamps;
    }

    /** Opens one provider per engine command, as the engine's default factory does. */
    record Factory(IdentityStamps stamps) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return StampingIdentityProvider.class;
        }

        @Override
        public Session openSession() {
            return new StampingIdentityProvider(stamps);
        }
    }

    /** Whether the password is the user's, without touching the login lock or the failed attempts. */
    boolean passwordMatchesIgnoringLock(String userId, String password) {
        UserEntity user = userId == null ? null : findUserById(userId);
        return user != null && password != null && matchPassword(password, user);
    }

    // users: profile and password, deletion, login locks

    @Override
    public IdentityOperationResult saveUser(User user) {
        IdentityOperationResult result = super.saveUser(user);
        stamps.userChanged(user.getId());
        return result;
    }

    @Override
    public IdentityOperationResult deleteUser(String userId) {
        IdentityOperationResult result = super.deleteUser(userId);
        stamps.userChanged(userId);
        return result;
    }

    @Override
    protected void lockUser(UserEntity user) {
        super.lockUser(user);
        stamps.userChanged(user.getId());
    }

    @Override
    protected IdentityOperationResult unlockUser(UserEntity user) {
        IdentityOperationResult result = super.unlockUser(user);
        if (IdentityOperationResult.OPERATION_UNLOCK.equals(result.getOperation())) {
            stamps.userChanged(user.getId());
        }
        return result;
    }

    // groups and tenants: a new or renamed one changes nobody's rights (saveGroup, saveTenant stay as they are),
    // a deleted one may change anyone's

    @Override
    public IdentityOperationResult deleteGroup(String groupId) {
        IdentityOperationResult result = super.deleteGroup(groupId);
        stamps.everyoneChanged();
        return result;
    }

    @Override
    public IdentityOperationResult deleteTenant(String tenantId) {
        IdentityOperationResult result = super.deleteTenant(tenantId);
        stamps.everyoneChanged();
        return result;
    }

    // memberships

    @Override
    public IdentityOperationResult createMembership(String userId, String groupId) {
        IdentityOperationResult result = super.createMembership(userId, groupId);
        stamps.userChanged(userId);
        return result;
    }

    @Override
    public IdentityOperationResult deleteMembership(String userId, String groupId) {
        IdentityOperationResult result = super.deleteMembership(userId, groupId);
        stamps.userChanged(userId);
        return result;
    }

    @Override
    public IdentityOperationResult createTenantUserMembership(String tenantId, String userId) {
        IdentityOperationResult result = super.createTenantUserMembership(tenantId, userId);
        stamps.userChanged(userId);
        return result;
    }

    @Override
    public IdentityOperationResult deleteTenantUserMembership(String tenantId, String userId) {
        IdentityOperationResult result = super.deleteTenantUserMembership(tenantId, userId);
        stamps.userChanged(userId);
        return result;
    }

    @Override
    public IdentityOperationResult createTenantGroupMembership(String tenantId, String groupId) {
        IdentityOperationResult result = super.createTenantGroupMembership(tenantId, groupId);
        stamps.everyoneChanged();
        return result;
    }

    @Override
    public IdentityOperationResult deleteTenantGroupMembership(String tenantId, String groupId) {
        IdentityOperationResult result = super.deleteTenantGroupMembership(tenantId, groupId);
        stamps.everyoneChanged();
        return result;
    }
}
