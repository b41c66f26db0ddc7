package com.propertydesk.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Puts {@link StampingIdentityProvider} in place of the engine's default database identity provider (the Spring
 * Boot starter applies every {@code ProcessEnginePlugin} bean), and runs the lock-free password check of integrator
 * accounts inside the engine.
 */
@Component
class StampingIdentityPlugin extends AbstractProcessEnginePlugin {

    private final IdentityStamps stamps;
    private ProcessEngineConfigurationImpl configuration;

    StampingIdentityPlugin(IdentityStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new StampingIdentityProvider.Factory(stamps));
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
    }

    /** Camunda's password check without its login lock: see {@link StampingIdentityProvider}. */
    boolean passwordMatchesIgnoringLock(String userId, String password) {
        return configuration.getCommandExecutorTxRequired().execute(context ->
                ((StampingIdentityProvider) context.getReadOnlyIdentityProvider())
                        .passwordMatchesIgnoringLock(userId, password));
    }
}
