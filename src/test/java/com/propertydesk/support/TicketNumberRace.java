package com.propertydesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertydesk.ticket.TicketNumberGenerator;
import com.propertydesk.ticket.TicketType;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The ticket counter raced by many threads on one or more nodes (each node a generator with a connection pool of
 * its own on the same database), on a day no ticket has been numbered yet: every thread asks for its first
 * numbers at the same instant. Counts the SQL statements the generators send.
 */
public final class TicketNumberRace {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final int THREADS = 16;
    public static final int NUMBERS_PER_THREAD = 20;

    /** A node: its generator and the statements sent through its pool. */
    public record Node(TicketNumberGenerator generator, AtomicLong statements) {
    }

    private final List<Node> nodes = new ArrayList<>();
    private final LocalDate day;

    /** A day far in the future, different on each run, so that its counter rows do not exist yet. */
    public TicketNumberRace() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        this.day = LocalDate.of(2100 + random.nextInt(800), 1, 1).plusDays(random.nextInt(365));
    }

    /** The schema as the application has it (the Flyway migrations). */
    public static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** Adds a node numbering tickets through this pool. */
    public TicketNumberRace node(DataSource pool) {
        AtomicLong statements = new AtomicLong();
        Clock clock = Clock.fixed(day.atTime(LocalTime.NOON).atZone(ZONE).toInstant(), ZONE);
        nodes.add(new Node(new TicketNumberGenerator(counting(pool, statements), clock, ZONE), statements));
        return this;
    }

    public List<Node> nodes() {
        return nodes;
    }

    public String day() {
        return day.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    public long statements() {
        return nodes.stream().mapToLong(node -> node.statements().get()).sum();
    }

    /**
     * {@link #THREADS} threads, spread over the nodes, each taking {@link #NUMBERS_PER_THREAD} numbers of both
     * types in turn, all starting at once; returns every number handed out. Asserts that each type got exactly
     * 1 … n for the day: no duplicate, and, as every call succeeded, no gap.
     */
    public List<String> run() {
        List<List<String>> perThread = Race.run(THREADS, 60, thread -> {
            TicketNumberGenerator generator = nodes.get(thread % nodes.size()).generator();
            List<String> numbers = new ArrayList<>();
            for (int i = 0; i < NUMBERS_PER_THREAD; i++) {
                numbers.add(generator.next((thread + i) % 2 == 0 ? TicketType.COMPLAINT : TicketType.REPAIR));
            }
            return numbers;
        });
        List<String> all = perThread.stream().flatMap(List::stream).toList();
        assertThat(all).doesNotHaveDuplicates().hasSize(THREADS * NUMBERS_PER_THREAD);
        int perType = THREADS * NUMBERS_PER_THREAD / 2;
        for (String prefix : List.of("C-", "R-")) {
            assertThat(all.stream().filter(no -> no.startsWith(prefix + day() + "-"))
                    .map(no -> Integer.parseInt(no.substring(prefix.length() + 9))))
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, perType).boxed().toList());
        }
        return all;
    }

    /** The statements sent for numbers taken one after another once the day's rows exist. */
    public long statementsForNumbersInTurn(int count) {
        long before = statements();
        for (int i = 0; i < count; i++) {
            nodes.get(i % nodes.size()).generator().next(i % 2 == 0 ? TicketType.COMPLAINT : TicketType.REPAIR);
        }
        return statements() - before;
    }

    /** A data source whose connections count the statements prepared or created on them. */
    static DataSource counting(DataSource target, AtomicLong statements) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof Connection connection) {
                return Proxy.newProxyInstance(TicketNumberRace.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (p, m, a) -> {
                            if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                                statements.incrementAndGet();
                            }
                            return invoke(connection, m, a);
                        });
            }
            return result;
        };
        return (DataSource) Proxy.newProxyInstance(TicketNumberRace.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, dataSource);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
