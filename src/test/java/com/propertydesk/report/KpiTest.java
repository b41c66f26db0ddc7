package com.propertydesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.KpiFixture;
import com.propertydesk.support.SpringTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indicators over a fixture of 56 tickets whose every expected value is worked out by hand (KpiFixture). */
class KpiTest extends SpringTestBase {

    private static final String JANUARY_2001 = "/api/v1/reports/kpis?from=2001-01-01&to=2001-01-31";
    private static boolean inserted;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KpiFacts facts;

    ApiClient api;

    @BeforeEach
    void fixture() {
        api = new ApiClient(port);
        if (!inserted) {
            KpiFixture.insert(jdbc, "KPI");
            // loaded behind the application's back, as an import would be: the facts are rebuilt
            facts.requestRebuild();
            inserted = true;
        }
    }

    @Test
    void theWholeCentre() {
        KpiFixture.assertWholeCentre(api.get(JANUARY_2001, "manager").json());
    }

    @Test
    void oneDepartment() {
        KpiFixture.assertEngineering(api.get(JANUARY_2001 + "&department=engineering", "gm").json());
    }

    @Test
    void oneType() {
        KpiFixture.assertRepairs(api.get(JANUARY_2001 + "&type=REPAIR", "cs").json());
    }

    @Test
    void partialDaysAtEitherEndComeFromTheTicketsAndAddUp() {
        KpiFixture.assertWholeCentre(api.get(KpiFixture.JANUARY_WITH_PARTIAL_DAYS, "manager").json());
    }

    @Test
    void aPeriodShorterThanADay() {
        KpiFixture.assertGroupB(api.get(KpiFixture.ELEVENTH_DAYTIME, "manager").json());
    }

    @Test
    void onlyAdministratorsRebuildTheFacts() {
        assertThat(api.postJson("/api/v1/reports/kpis/rebuild", "manager", "").status()).isEqualTo(403);
        var rebuilt = api.postJson("/api/v1/reports/kpis/rebuild", "admin", "");
        assertThat(rebuilt.status()).isEqualTo(200);
        assertThat(rebuilt.json().get("days").asInt()).as("at least the fixture's days").isGreaterThanOrEqualTo(7);
        KpiFixture.assertWholeCentre(api.get(JANUARY_2001, "manager").json());
    }

    @Test
    void anEmptyPeriodHasNoValuesRatherThanZeroes() {
        var kpis = api.get("/api/v1/reports/kpis?from=1999-01-01&to=1999-01-31", "manager").json();

        assertThat(kpis.get("received").asLong()).isZero();
        assertThat(kpis.get("responseOnTimeRate").get("value").isNull()).isTrue();
        assertThat(kpis.get("responseOnTimeRate").get("denominator").asLong()).isZero();
    }

    @Test
    void onlyManagementReadsTheIndicators() {
        assertThat(api.get(JANUARY_2001, "engineer").status()).isEqualTo(403);
        assertThat(api.get(JANUARY_2001, "integrator").status()).isEqualTo(403);
        assertThat(api.get(JANUARY_2001 + "&type=PRAISE", "manager").status()).isEqualTo(400);
    }
}
