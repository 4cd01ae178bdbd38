package io.emailaccounts.server.emailaccount.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import io.emailaccounts.server.error.CommitOutcomeUnknownException;

/** Changes that arrive together are committed together, each answered after its commit, and fail only alone. */
class GroupCommitTest {

    private final AtomicInteger savepoints = new AtomicInteger();
    private final DataSource dataSource = countingSavepoints(new SimpleDriverDataSource(new org.h2.Driver(),
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final CountingTransactions transactions = new CountingTransactions();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private GroupCommit writes;

    @BeforeEach
    void createTable() {
        jdbc.sql("CREATE TABLE note (id INT PRIMARY KEY, text VARCHAR(20))").update();
        writes = new GroupCommit(transactions, meters, io.micrometer.tracing.Tracer.NOOP);
    }

    @AfterEach
    void stop() throws InterruptedException {
        writes.destroy();
        jdbc.sql("SHUTDOWN").update();
    }

    @Test
    void shouldCommitTheChangesWaitingTogetherOnce() throws Exception {
        List<CompletableFuture<Integer>> batch = whileTheWriterIsBusy(() -> List.of(
                submit(() -> insert(1, "one")), submit(() -> insert(2, "two")), submit(() -> insert(3, "three"))));

        assertThat(batch).allSatisfy(answer -> assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(1));
        assertThat(transactions.commits).as("the busy change's commit, then the three's").hasValue(2);
        assertThat(savepoints).as("no change refused, no savepoint taken").hasValue(0);
        assertThat(texts()).containsExactly("busy", "one", "two", "three");
    }

    @Test
    void shouldLetAChangeSeeWhatTheChangesBeforeItInItsBatchWrote() throws Exception {
        List<CompletableFuture<Integer>> batch = whileTheWriterIsBusy(() -> List.of(
                submit(() -> insert(1, "first")),
                submit(() -> jdbc.sql("UPDATE note SET text = 'second' WHERE id = 1 AND text = 'first'").update())));

        assertThat(batch.get(1).get(5, TimeUnit.SECONDS)).as("the row the first change inserted, updated").isEqualTo(1);
        assertThat(transactions.commits).hasValue(2);
        assertThat(texts()).containsExactly("busy", "second");
    }

    /** What a refused change wrote before a rule refused it is undone; the others of its batch are committed. */
    @Test
    void shouldUndoWhatARefusedChangeWroteBeforeItWasRefused() throws Exception {
        List<CompletableFuture<Integer>> batch = whileTheWriterIsBusy(() -> List.of(
                submit(() -> insert(1, "one")),
                submit(() -> {
                    insert(2, "half-done");
                    throw new IllegalStateException("refused after writing");
                }),
                submit(() -> insert(3, "three"))));

        assertThat(batch.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(batch.get(1)).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().withMessage("refused after writing");
        assertThat(batch.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(transactions.commits).as("one commit for the batch").hasValue(2);
        assertThat(transactions.rollbacks).as("the batch's first run, up to the refusal").hasValue(1);
        assertThat(savepoints).as("then the batch again, a savepoint before each change").hasValue(3);
        assertThat(texts()).containsExactly("busy", "one", "three");
    }

    @Test
    void shouldRefuseAChangeThatBreaksARuleAloneAndCommitTheOthers() throws Exception {
        List<CompletableFuture<Integer>> batch = whileTheWriterIsBusy(() -> List.of(
                submit(() -> insert(1, "one")),
                submit(() -> {
                    throw new IllegalArgumentException("refused by a rule");
                }),
                submit(() -> insert(2, "two"))));

        assertThat(batch.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(batch.get(1)).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().isInstanceOf(IllegalArgumentException.class).withMessage("refused by a rule");
        assertThat(batch.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(transactions.commits).hasValue(2);
        assertThat(texts()).containsExactly("busy", "one", "two");
    }

    @Test
    void shouldRollBackABatchWhoseStatementFailsAndRunEachOfItsChangesAlone() throws Exception {
        List<CompletableFuture<Integer>> batch = whileTheWriterIsBusy(() -> List.of(
                submit(() -> insert(1, "one")), submit(() -> insert(100, "taken")), submit(() -> insert(2, "two"))));

        assertThat(batch.get(0).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(batch.get(1)).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().isInstanceOf(org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException.class);
        assertThat(batch.get(2).get(5, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(transactions.rollbacks).as("the batch, then the failing change alone").hasValue(2);
        assertThat(texts()).containsExactly("busy", "one", "two");
    }

    @Test
    void shouldFailEveryChangeOfABatchWhoseCommitFailsAndTryNoneAgain() throws Exception {
        List<CompletableFuture<Integer>> batch = whileTheWriterIsBusy(() -> {
            transactions.failCommitAfter(1);
            return List.of(submit(() -> insert(1, "one")), submit(() -> insert(2, "two")));
        });

        assertThat(batch).allSatisfy(answer -> assertThat(answer).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .havingCause().as("the caller learns that the outcome is unknown").isInstanceOf(CommitOutcomeUnknownException.class)
                .havingRootCause().isInstanceOf(TransactionSystemException.class).withMessage("the disk is full, once"));
        assertThat(texts()).containsExactly("busy");
        assertThat(writes.write(() -> insert(3, "three"))).as("the writer goes on").isEqualTo(1);
    }

    /** A transaction that cannot begin wrote nothing: its changes fail with that failure, not an unknown outcome. */
    @Test
    void shouldFailEveryChangeOfABatchWhoseTransactionCannotBeginAsNotWritten() throws Exception {
        List<CompletableFuture<Integer>> batch = whileTheWriterIsBusy(() -> {
            transactions.failBeginAfter(0);  // the busy change's transaction has begun already
            return List.of(submit(() -> insert(1, "one")), submit(() -> insert(2, "two")));
        });

        assertThat(batch).allSatisfy(answer -> assertThat(answer).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .havingCause().isInstanceOf(CannotCreateTransactionException.class).withMessage("the database is down, once"));
        assertThat(texts()).containsExactly("busy");
        assertThat(writes.write(() -> insert(3, "three"))).as("the writer goes on").isEqualTo(1);
    }

    @Test
    void shouldAnswerAChangeOnlyOnceItIsCommitted() {
        Integer inserted = writes.write(() -> insert(1, "one"));

        // Read on a connection of its own, outside the writer's transaction: only a committed row is seen.
        assertThat(inserted).isEqualTo(1);
        assertThat(texts()).containsExactly("one");
    }

    @Test
    void shouldRaiseWhatTheChangeRaisedToItsCaller() {
        DuplicateKeyException failure = null;
        writes.write(() -> insert(1, "one"));
        try {
            writes.write(() -> insert(1, "again"));
        } catch (DuplicateKeyException e) {
            failure = e;
        }

        assertThat(failure).as("the database's own exception, on the caller's thread").isNotNull();
    }

    @Test
    void shouldCommitWhatIsQueuedBeforeItStopsAndTakeNothingAfter() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        start(() -> {
            writing.countDown();
            await(release);
            return insert(100, "busy");
        });
        writing.await();
        CompletableFuture<Integer> queued = submit(() -> insert(1, "one"));
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            try {
                writes.destroy();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (waiting() < 2) {
            Thread.onSpinWait();
        }
        release.countDown();

        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(1);
        stopped.get(5, TimeUnit.SECONDS);
        assertThat(texts()).containsExactly("busy", "one");
        assertThat(submit(() -> insert(2, "late"))).failsWithin(5, TimeUnit.SECONDS).withThrowableThat()
                .havingRootCause().isInstanceOf(IllegalStateException.class);
    }

    /**
     * Holds the writer in a change of its own (row 100, "busy") while the given changes are queued, then lets it go:
     * they are the next batch.
     */
    private List<CompletableFuture<Integer>> whileTheWriterIsBusy(Supplier<List<CompletableFuture<Integer>>> changes)
            throws InterruptedException {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> busy = start(() -> {
            writing.countDown();
            await(release);
            return insert(100, "busy");
        });
        writing.await();
        int before = waiting();
        List<CompletableFuture<Integer>> queued = changes.get();
        while (waiting() < before + queued.size()) {
            Thread.onSpinWait();
        }
        release.countDown();
        busy.join();
        return queued;
    }

    /** Calls the change on a thread of its own and waits until it is queued, so that changes queue in call order. */
    private CompletableFuture<Integer> submit(Supplier<Integer> change) {
        int waiting = waiting();
        CompletableFuture<Integer> answer = start(change);
        while (waiting() == waiting && !answer.isDone()) {
            Thread.onSpinWait();
        }
        return answer;
    }

    private CompletableFuture<Integer> start(Supplier<Integer> change) {
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        Thread caller = new Thread(() -> {
            try {
                answer.complete(writes.write(change));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        caller.start();
        return answer;
    }

    private int insert(int id, String text) {
        return jdbc.sql("INSERT INTO note (id, text) VALUES (?, ?)").params(id, text).update();
    }

    private List<String> texts() {
        return jdbc.sql("SELECT text FROM note ORDER BY CASE WHEN id = 100 THEN 0 ELSE id END").query(String.class).list();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The data source, counting the savepoints set on its connections. */
    private DataSource countingSavepoints(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                        (proxy, method, arguments) -> {
                            if (method.getName().equals("setSavepoint")) {
                                savepoints.incrementAndGet();
                            }
                            try {
                                return method.invoke(connection, arguments);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
            }
        };
    }

    /** Counts commits and rollbacks, and can fail one commit or one transaction's beginning. */
    private final class CountingTransactions extends DataSourceTransactionManager {

        final AtomicInteger commits = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();
        private final AtomicInteger commitsBeforeFailure = new AtomicInteger(-1);
        private final AtomicInteger beginsBeforeFailure = new AtomicInteger(-1);

        CountingTransactions() {
            super(dataSource);
        }

        /** Lets this many commits pass, then fails the next one. */
        void failCommitAfter(int commits) {
            commitsBeforeFailure.set(commits);
        }

        /** Lets this many transactions begin, then fails the next one's beginning. */
        void failBeginAfter(int begins) {
            beginsBeforeFailure.set(begins);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            if (beginsBeforeFailure.getAndDecrement() == 0) {
                throw new CannotCreateTransactionException("the database is down, once");
            }
            super.doBegin(transaction, definition);
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
            if (commitsBeforeFailure.getAndDecrement() == 0) {
                try {
                    ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection().rollback();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                throw new TransactionSystemException("the disk is full, once");
            }
            super.doCommit(status);
            commits.incrementAndGet();
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            super.doRollback(status);
            rollbacks.incrementAndGet();
        }
    }

    /** The changes waiting for the writer, as the gauge shows them. */
    private int waiting() {
        return (int) meters.get(GroupCommit.WAITING).gauge().value();
    }
}
