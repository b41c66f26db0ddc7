package com.propertydesk.identity;

import static com.propertydesk.support.TicketDriver.complaint;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.support.SpringTestBase;
import com.propertydesk.ticket.Category;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** The saved filters evaluate their expressions for the person using them and show the right work. */
class TasklistFiltersTest extends SpringTestBase {

    @Test
    void eachRoleFindsItsWorkInItsFilters() {
        String no = desk.file(complaint(uniqueRoom(), "电梯困人", Category.ENGINEERING));
        String dispatch = desk.task(no, "dispatch").getId();

        assertThat(as("engineer", () -> list("部门待认领"))).contains(dispatch);
        assertThat(as("engineer", () -> list("即将超时"))).as("an emergency is due within 15 minutes").contains(dispatch);
        assertThat(as("engineer", () -> list("紧急"))).contains(dispatch);
        assertThat(as("engineer", () -> list("我的待办"))).doesNotContain(dispatch);
        assertThat(as("cleaner", () -> list("部门待认领"))).doesNotContain(dispatch);
        assertThat(as("frontdesk", () -> receivedByMe("frontdesk"))).as("首问负责制: who took it in follows it")
                .contains(dispatch);
        assertThat(as("frontdesk", () -> engine.getTaskService().createTaskQuery().taskId(dispatch)
                .singleResult())).as("readable").isNotNull();

        desk.complete(no, "dispatch", "engineer", "handler", "engineer2");
        String handle = desk.task(no, "handle").getId();

        assertThat(as("engineer2", () -> list("我的待办"))).contains(handle);
        assertThat(as("frontdesk", () -> receivedByMe("frontdesk"))).contains(handle);
        assertThat(as("manager", () -> list("经理待办"))).doesNotContain(handle);
    }

    @Test
    void overdueWorkIsUnderTheOverdueFilter() {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(10))));
        String no = desk.file(complaint(uniqueRoom(), "电梯困人", Category.ENGINEERING));
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();

        assertThat(as("engineer", () -> list("已超时"))).contains(desk.task(no, "dispatch").getId());
    }

    private List<String> list(String filterName) {
        Filter filter = engine.getFilterService().createFilterQuery().filterName(filterName).singleResult();
        return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
    }

    private List<String> receivedByMe(String user) {
        Filter filter = engine.getFilterService().createFilterQuery().filterName("我受理的").filterOwner(user)
                .singleResult();
        return engine.getFilterService().<Task>list(filter.getId()).stream().map(Task::getId).toList();
    }

    private <T> T as(String user, Supplier<T> action) {
        Object[] result = new Object[1];
        desk.asUser(user, () -> result[0] = action.get());
        @SuppressWarnings("unchecked")
        T value = (T) result[0];
        return value;
    }
}
