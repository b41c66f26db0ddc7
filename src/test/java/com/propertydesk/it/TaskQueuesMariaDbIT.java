package com.propertydesk.it;

import static com.propertydesk.support.TicketDriver.complaint;
import static com.propertydesk.support.TicketDriver.repair;
import static com.propertydesk.support.TicketDriver.uniqueRoom;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.identity.Groups;
import com.propertydesk.identity.TaskQueues;
import com.propertydesk.support.MariaDb;
import com.propertydesk.support.TicketDriver;
import com.propertydesk.ticket.Category;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Our reading of the task queries (identity/TaskQueues) answers exactly as the engine's own SQL on MariaDB: for
 * every demo user, every saved filter they can open and the task queries Tasklist and integrators send, the same
 * tasks in the same order, the same pages and the same counts. The job executor is off and the database is this
 * test's own, so nothing changes between the two readings. Counts are kept here whatever they cost (a large
 * queue's are, see identity/QueueCounts), so each comparison also shows that no caller is answered another's count.
 */
@SpringBootTest(properties = {"propertydesk.demo.enabled=true", "camunda.bpm.job-execution.enabled=false",
    // an engine of its own name: the engine API of the other tests' application finds its engine by name ("default")
    // in the JVM's registry, where a second "default" would take its place (no hyphen: the starter ignores such a name)
    "camunda.bpm.process-engine-name=taskQueues",
    // every count is kept (as a large queue's would be), so the comparisons below also hold the kept counts apart
    "propertydesk.task-queues.counts.keep-slower-than=0ms", "propertydesk.task-queues.counts.refresh-after=1s"})
@ActiveProfiles("mysql")
@Import(TicketDriver.class)
class TaskQueuesMariaDbIT {

    private static final String DATABASE = MariaDb.newDatabase();

    @DynamicPropertySource
    static void mariaDb(DynamicPropertyRegistry registry) {
        MariaDb.profileSettings(DATABASE).forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    TicketDriver desk;
    @Autowired
    TaskQueues queues;

    private static boolean filed;

    @BeforeEach
    void fileTicketsOnce() {
        assertThat(engine.getName()).as("this test's engine keeps out of the other tests' way").isEqualTo("taskQueues");
        if (filed) {
            return;
        }
        Category[] categories = Category.values();
        for (int i = 0; i < 18; i++) {
            String description = i % 4 == 0 ? "电梯困人" : "楼道灯不亮";
            desk.file(complaint(uniqueRoom(), description, categories[i % categories.length]));
        }
        for (int i = 0; i < 4; i++) {
            desk.file(repair(uniqueRoom(), i % 2 == 0 ? "水管爆裂漏水" : "门锁坏了", Category.ENGINEERING, false,
                    false));
        }
        // work in every state: assigned by dispatch, claimed but still a candidate's, and waiting
        List<Task> dispatches = engine.getTaskService().createTaskQuery().taskDefinitionKey("dispatch")
                .processDefinitionKey("complaint-work-engineering").orderByTaskId().asc().list();
        assertThat(dispatches).hasSizeGreaterThanOrEqualTo(3);
        String dispatched = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(dispatches.get(0).getProcessInstanceId()).singleResult().getBusinessKey();
        desk.complete(dispatched, "dispatch", "engineer", "handler", "engineer2");
        engine.getTaskService().claim(dispatches.get(1).getId(), "engineer");
        filed = true;
    }

    @AfterEach
    void backOn() {
        queues.setEnabled(true);
        queues.setLargeQueue(1000);
        // a test that files a ticket leaves counts kept from before it
        queues.forgetKeptCounts();
    }

    @Test
    void everyUserSeesAndCountsTheSameTasksAsThroughTheEngine() {
        compareWithTheEngine();
    }

    @Test
    void readInIndexOrderTheyAreTheSameToo() {
        // every queue as a large one: the candidate link as a scalar subquery on each task in index order
        queues.setLargeQueue(1);
        compareWithTheEngine();
    }

    private void compareWithTheEngine() {
        long before = queues.answered();
        int compared = 0;
        int nonEmpty = 0;
        for (User user : engine.getIdentityService().createUserQuery().list()) {
            for (Map.Entry<String, Function<TaskService, TaskQuery>> query : queries(user.getId()).entrySet()) {
                String what = user.getId() + " · " + query.getKey();
                List<String> ours = as(user.getId(), true, () -> ids(query.getValue().apply(taskService()).list()));
                List<String> theirs = as(user.getId(), false,
                        () -> ids(query.getValue().apply(taskService()).list()));
                assertThat(ours).as(what).isEqualTo(theirs);
                assertThat(as(user.getId(), true, () -> ids(query.getValue().apply(taskService()).listPage(2, 3))))
                        .as(what + ", page").isEqualTo(as(user.getId(), false,
                                () -> ids(query.getValue().apply(taskService()).listPage(2, 3))));
                assertThat(as(user.getId(), true, () -> query.getValue().apply(taskService()).count()))
                        .as(what + ", count").isEqualTo((long) theirs.size());
                compared++;
                nonEmpty += theirs.isEmpty() ? 0 : 1;
            }
            for (Filter filter : as(user.getId(), true, () -> filters().createFilterQuery().list())) {
                String what = user.getId() + " · filter " + filter.getName();
                TaskQuery total = taskService().createTaskQuery().orderByTaskId().asc();
                List<String> ours = as(user.getId(), true, () -> ids(filters().<Task, TaskQuery>list(filter.getId(), total)));
                List<String> theirs = as(user.getId(), false, () -> ids(filters().<Task, TaskQuery>list(filter.getId(), total)));
                assertThat(ours).as(what).isEqualTo(theirs);
                assertThat(as(user.getId(), true, () -> ids(filters().<Task>list(filter.getId()))))
                        .as(what + ", as Tasklist sorts it").containsExactlyInAnyOrderElementsOf(theirs);
                assertThat(as(user.getId(), true, () -> filters().count(filter.getId())))
                        .as(what + ", count").isEqualTo((long) theirs.size());
                compared++;
                nonEmpty += theirs.isEmpty() ? 0 : 1;
            }
        }
        assertThat(compared).isGreaterThan(100);
        assertThat(nonEmpty).as("readings that found tasks").isGreaterThan(compared / 4);
        assertThat(queues.answered() - before).as("queries our statements answered").isGreaterThan(compared * 2L);
    }

    @Test
    void departmentsStillSeeOnlyTheirOwnWork() {
        List<String> engineering = as("engineer", true, () -> ids(taskService().createTaskQuery()
                .taskCandidateGroup(Groups.ENGINEERING).list()));
        assertThat(engineering).isNotEmpty();
        assertThat(as("cleaner", true, () -> ids(taskService().createTaskQuery().taskCandidateGroup(Groups.ENGINEERING)
                .list()))).isEmpty();
        assertThat(as("cleaner", true, () -> taskService().createTaskQuery().taskCandidateGroup(Groups.ENGINEERING)
                .count())).isZero();
        assertThat(as("integrator", true, () -> taskService().createTaskQuery().count())).isZero();
    }

    @Test
    void aKeptCountIsRecountedInTheBackground() throws InterruptedException {
        Supplier<Long> queue = () -> as("cleaner", true, () -> taskService().createTaskQuery()
                .taskCandidateGroup(Groups.CLEANING).count());
        long before = queue.get();
        assertThat(queue.get()).as("kept").isEqualTo(before);
        desk.file(complaint(uniqueRoom(), "楼道有垃圾", Category.CLEANING_GREENING));
        assertThat(as("cleaner", false, () -> taskService().createTaskQuery().taskCandidateGroup(Groups.CLEANING)
                .count())).as("the engine counts the new ticket's task").isEqualTo(before + 1);
        assertThat(queue.get()).as("the kept count, younger than refresh-after").isEqualTo(before);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long seen = before;
        while (seen == before && System.nanoTime() < deadline) {
            Thread.sleep(300);
            seen = queue.get();
        }
        assertThat(seen).as("recounted after refresh-after").isEqualTo(before + 1);
    }

    /** The task queries compared for a user: Tasklist's and integrators' shapes, each in one total order. */
    private Map<String, Function<TaskService, TaskQuery>> queries(String userId) {
        Date soon = Date.from(Instant.now().plus(Duration.ofHours(2)));
        List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(userId).list().stream()
                .map(org.camunda.bpm.engine.identity.Group::getId).toList();
        Map<String, Function<TaskService, TaskQuery>> queries = new LinkedHashMap<>();
        queries.put("all", service -> service.createTaskQuery().orderByTaskId().asc());
        for (String group : List.of(Groups.ENGINEERING, Groups.CLEANING, Groups.CUSTOMER_SERVICE, Groups.MANAGER)) {
            queries.put("candidate " + group, service -> service.createTaskQuery().taskCandidateGroup(group)
                    .orderByTaskPriority().desc().orderByTaskId().asc());
        }
        if (!groups.isEmpty()) {
            queries.put("my groups, unassigned", service -> service.createTaskQuery().taskCandidateGroupIn(groups)
                    .taskUnassigned().orderByTaskPriority().desc().orderByDueDate().asc().orderByTaskId().asc());
            queries.put("my groups, with assigned", service -> service.createTaskQuery().taskCandidateGroupIn(groups)
                    .includeAssignedTasks().orderByTaskCreateTime().desc().orderByTaskId().asc());
        }
        queries.put("assigned to me", service -> service.createTaskQuery().taskAssignee(userId).orderByTaskId().asc());
        queries.put("unassigned", service -> service.createTaskQuery().taskUnassigned().orderByTaskId().desc());
        queries.put("emergencies", service -> service.createTaskQuery().taskMinPriority(100).orderByTaskId().asc());
        queries.put("due within 2 h", service -> service.createTaskQuery().dueBefore(soon).orderByDueDate().asc()
                .orderByTaskId().asc());
        queries.put("one definition", service -> service.createTaskQuery()
                .processDefinitionKey("complaint-work-engineering").orderByTaskName().asc().orderByTaskId().asc());
        queries.put("one step", service -> service.createTaskQuery().taskDefinitionKey("dispatch")
                .orderByTaskId().asc());
        queries.put("taken in by frontdesk", service -> service.createTaskQuery()
                .processVariableValueEquals("receivedBy", "frontdesk").orderByTaskId().asc());
        queries.put("candidate user (the engine's reading)", service -> service.createTaskQuery()
                .taskCandidateUser(userId).orderByTaskId().asc());
        queries.put("or query (the engine's reading)", service -> service.createTaskQuery().or()
                .taskAssignee(userId).taskCandidateGroup(Groups.ENGINEERING).endOr().orderByTaskId().asc());
        return queries;
    }

    private TaskService taskService() {
        return engine.getTaskService();
    }

    private FilterService filters() {
        return engine.getFilterService();
    }

    private <T> T as(String user, boolean ours, Supplier<T> action) {
        queues.setEnabled(ours);
        List<T> result = new ArrayList<>(1);
        desk.asUser(user, () -> result.add(action.get()));
        return result.get(0);
    }

    private static List<String> ids(List<? extends Task> tasks) {
        return tasks.stream().map(Task::getId).toList();
    }
}
