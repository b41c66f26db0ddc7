package com.propertydesk.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.ApiClient;
import com.propertydesk.support.KpiFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The indicator fixture and its hand-computed values on MariaDB (the MySQL dialect path). */
class KpiMariaDbIT extends MariaDbTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theIndicatorsMatchTheHandComputedValues() {
        KpiFixture.insert(jdbc, "KPI");
        ApiClient api = new ApiClient(port);
        // loaded behind the application's back: the facts are rebuilt, as an operator would after an import
        assertThat(api.postJson("/api/v1/reports/kpis/rebuild", "admin", "").status()).isEqualTo(200);
        String january = "/api/v1/reports/kpis?from=2001-01-01&to=2001-01-31";

        KpiFixture.assertWholeCentre(api.get(january, "manager").json());
        KpiFixture.assertEngineering(api.get(january + "&department=engineering", "manager").json());
        KpiFixture.assertRepairs(api.get(january + "&type=REPAIR", "manager").json());
        KpiFixture.assertWholeCentre(api.get(KpiFixture.JANUARY_WITH_PARTIAL_DAYS, "manager").json());
        KpiFixture.assertGroupB(api.get(KpiFixture.ELEVENTH_DAYTIME, "manager").json());
    }
}
