package com.propertydesk.identity;

import static com.propertydesk.support.LifecycleScenario.complaintBody;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.LifecycleScenario;
import com.propertydesk.support.SpringTestBase;
import com.propertydesk.support.TicketDriver;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

/** 前台只提供房号，注意保密: who sees an owner's phone number whole, and when. */
class OwnerPrivacyTest extends SpringTestBase {

    @Test
    void theHandlerSeesThePhoneWhileTheTicketIsOpenAndNotAfter() {
        ApiClient api = new ApiClient(port);
        LifecycleScenario scenario = new LifecycleScenario(api, false);
        String no = api.postJson("/api/v1/tickets", "frontdesk", complaintBody(TicketDriver.uniqueRoom(), "卫生间漏水"))
                .json().get("ticketNo").asText();
        scenario.work(no, "dispatch", "engineer", ApiClient.variables("handler", "engineer2"));

        assertThat(phone(api, no, "engineer2")).as("the handler").isEqualTo("13800138000");
        assertThat(phone(api, no, "engineer")).as("a colleague who is not the handler").isEqualTo("138****8000");
        assertThat(phone(api, no, "frontdesk")).as("the front desk gives only the room").isEqualTo("138****8000");
        assertThat(phone(api, no, "cs")).as("customer service calls the owner back").isEqualTo("13800138000");

        scenario.work(no, "handle", "engineer2", ApiClient.variables("actionTaken", "修好", "responsibility", "PROPERTY"));
        scenario.work(no, "verify", "engineer", ApiClient.variables("verified", "true"));
        scenario.work(no, "callback", "cs", ApiClient.variables("ownerReached", "true", "satisfaction", "SATISFIED"));

        assertThat(phone(api, no, "engineer2")).as("the handler of an archived ticket").isEqualTo("138****8000");
    }

    @Test
    void anIntegratorGrantedOwnerPhonesSeesThem() {
        if (engine.getIdentityService().createUserQuery().userId("callcenter").count() == 0) {
            User user = engine.getIdentityService().newUser("callcenter");
            user.setPassword("demo");
            engine.getIdentityService().saveUser(user);
            engine.getIdentityService().createMembership("callcenter", Groups.INTEGRATOR);
            engine.getIdentityService().createMembership("callcenter", Groups.OWNER_PHONES);
        }
        ApiClient api = new ApiClient(port);
        String no = api.postJson("/api/v1/tickets", "callcenter", complaintBody(TicketDriver.uniqueRoom(), "门禁坏了"))
                .json().get("ticketNo").asText();
        String other = api.postJson("/api/v1/tickets", "integrator", complaintBody(TicketDriver.uniqueRoom(), "门禁坏了"))
                .json().get("ticketNo").asText();

        assertThat(phone(api, no, "callcenter")).isEqualTo("13800138000");
        assertThat(phone(api, no, "integrator")).as("another integrator may not even read it").isNull();
        assertThat(phone(api, other, "integrator")).as("not granted owner-phones").isEqualTo("138****8000");
    }

    private static String phone(ApiClient api, String no, String user) {
        ApiClient.Reply reply = api.get("/api/v1/tickets/" + no, user);
        return reply.status() == 200 ? reply.json().get("reporter").get("phone").asText() : null;
    }
}
