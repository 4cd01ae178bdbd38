package io.emailaccounts.server.emailaccount.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;

import io.emailaccounts.server.error.CommitOutcomeUnknownException;

/**
 * Commits the changes that arrive together in one transaction, as a database's own group commit does with its log:
 * one writer thread takes every change waiting in the queue, runs them in the order they came in one transaction and
 * commits once, then answers each. A durable commit costs about the same for one change as for many, so under load
 * the database writes once per batch, not once per request.
 * <ul>
 *     <li>A change's caller is answered only after the commit that holds it.</li>
 *     <li>A change runs after those queued before it and sees what they wrote: two updates of one record with the
 *     same expected version in one batch succeed once, and the second finds the version changed.</li>
 *     <li>A change that fails by the rules (an exception that is not the database's) fails alone and the others are
 *     committed; whatever it wrote before it failed is undone. A batch first runs without savepoints (each costs
 *     PostgreSQL a round trip and a subtransaction); when a change of it is refused, the batch is rolled back and runs
 *     again, each change after a savepoint of its own, rolled back to when the change is refused.</li>
 *     <li>When a statement fails, the batch is rolled back and each of its changes runs again in a transaction of its
 *     own, so that only the changes that fail on their own fail.</li>
 *     <li>When the transaction cannot begin (the database is out of reach), each change fails with that failure, and
 *     nothing was written.</li>
 *     <li>When the commit itself fails, whether the changes were written is not known: each change of the batch
 *     fails with a {@link CommitOutcomeUnknownException}, and none is tried again (which could write it twice).</li>
 * </ul>
 */
@Component
public class GroupCommit implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);
    /** More changes than this are committed in the next transaction. */
    static final int MAX_BATCH = 64;
    /** The gauge of the changes waiting for the writer ({@code emailaccounts_group_commit_waiting} in Prometheus). */
    static final String WAITING = "emailaccounts.group.commit.waiting";

    private final BlockingQueue<Change<?>> queue = new LinkedBlockingQueue<>();
    private final PlatformTransactionManager transactions;
    private final Tracer tracer;
    private final Thread writer;
    private volatile boolean stopping;

    /**
     * @param meters where the changes waiting for the writer are shown ({@value #WAITING}): under load, about a batch
     *               at a time; a queue that only grows is a database that cannot keep up
     */
    @Autowired
    GroupCommit(PlatformTransactionManager transactionManager, MeterRegistry meters, ObjectProvider<Tracer> tracer) {
        this(transactionManager, meters, tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    /**
     * @param tracer where each batch's span is made: a child of the first change whose trace is recorded, linked to the
     *               trace of every change it carries (each caller's request), and the parent of the batch's database
     *               calls
     */
    GroupCommit(PlatformTransactionManager transactionManager, MeterRegistry meters, Tracer tracer) {
        this.transactions = transactionManager;
        this.tracer = tracer;
        Gauge.builder(WAITING, queue, BlockingQueue::size).description("Changes waiting for the group commit's writer")
                .register(meters);
        this.writer = new Thread(this::writeUntilStopped, "group-commit");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /**
     * Runs the change in the writer's transaction and waits for its commit.
     *
     * @return what the change returned, once it is committed
     * @throws RuntimeException what the change threw, or the failure of the commit
     */
    public <T> T write(Supplier<T> change) {
        Change<T> queued = new Change<>(change, tracer.currentTraceContext().context());
        if (stopping) {
            throw new IllegalStateException("The server is stopping and takes no more changes");
        }
        queue.add(queued);
        return queued.outcome();
    }

    /** Commits what is queued, then stops the writer. */
    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        queue.add(Change.STOP);
        writer.join(10_000);
        List<Change<?>> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(change -> change.fail(new IllegalStateException("The server stopped before the change was written")));
    }

    private void writeUntilStopped() {
        List<Change<?>> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            try {
                batch.add(queue.take());
                queue.drainTo(batch, MAX_BATCH - 1);
                boolean stop = batch.remove(Change.STOP);
                if (!batch.isEmpty()) {
                    commitTraced(batch);
                }
                if (stop) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } catch (Throwable e) {
                // Never leave a caller waiting, and never let the writer die.
                batch.forEach(change -> change.fail(e));
                log.error("The group commit failed", e);
            } finally {
                batch.clear();
            }
        }
    }

    /** The commit in the batch's span: its database calls are the span's children. */
    private void commitTraced(List<Change<?>> batch) {
        Span.Builder builder = tracer.spanBuilder().name("group-commit")
                .tag("emailaccounts.group_commit.changes", batch.size());
        // A child of the first change whose trace is recorded (sampled), so that its trace holds the batch's database
        // calls; of the first change at all when none is (the batch is then recorded as that trace is: not).
        TraceContext parent = batch.stream().map(change -> change.caller)
                .filter(caller -> caller != null && Boolean.TRUE.equals(caller.sampled())).findFirst()
                .orElse(batch.get(0).caller);
        builder = parent == null ? builder.setNoParent() : builder.setParent(parent);
        for (Change<?> change : batch) {
            if (change.caller != null) {
                builder = builder.addLink(new Link(change.caller));
            }
        }
        Span span = builder.start();
        try (Tracer.SpanInScope inScope = tracer.withSpan(span)) {
            commit(batch);
        } finally {
            span.end();
        }
    }

    private void commit(List<Change<?>> batch) {
        if (batch.size() == 1) {
            batch.get(0).runAlone(this);
            return;
        }
        try {
            if (inTransaction(status -> runUntilRefused(batch, status))) {
                inTransaction(status -> {
                    batch.forEach(change -> change.runAfterSavepoint(status));
                    return null;
                });
            }
        } catch (StatementFailed e) {
            // The batch is rolled back: each change again, on its own.
            batch.forEach(change -> change.runAlone(this));
            return;
        } catch (RuntimeException commitFailed) {
            batch.forEach(change -> change.fail(commitFailed));
            return;
        }
        batch.forEach(Change::answer);
    }

    /**
     * Runs the work in a transaction of its own and commits it, or rolls it back when the work failed or marked it so.
     *
     * @throws CommitOutcomeUnknownException when the commit failed: what the work wrote may or may not be written
     * @throws RuntimeException              what beginning the transaction or the work threw: nothing was written
     */
    private <T> T inTransaction(Function<TransactionStatus, T> work) {
        TransactionStatus status = transactions.getTransaction(TransactionDefinition.withDefaults());
        T result;
        try {
            result = work.apply(status);
        } catch (RuntimeException | Error e) {
            try {
                transactions.rollback(status);
            } catch (RuntimeException | Error rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            throw e;
        }
        if (status.isRollbackOnly()) {
            transactions.rollback(status);
            return result;
        }
        try {
            transactions.commit(status);
        } catch (RuntimeException e) {
            throw new CommitOutcomeUnknownException(e);
        }
        return result;
    }

    /** Runs the changes in order until one is refused, which rolls back what they wrote: then {@code true}. */
    private static boolean runUntilRefused(List<Change<?>> batch, TransactionStatus status) {
        for (Change<?> change : batch) {
            if (!change.run()) {
                status.setRollbackOnly();
                return true;
            }
        }
        return false;
    }

    /** A statement of a batch failed, which rolls the batch back. */
    private static final class StatementFailed extends RuntimeException {

        StatementFailed(RuntimeException cause) {
            super(cause);
        }
    }

    private static final class Change<T> {

        static final Change<Void> STOP = new Change<>(() -> null, null);

        private final Supplier<T> change;
        /** The trace of the request that sent the change, if it has one. */
        private final TraceContext caller;
        private final CompletableFuture<T> answer = new CompletableFuture<>();
        private T result;
        private RuntimeException refusal;

        Change(Supplier<T> change, TraceContext caller) {
            this.change = change;
            this.caller = caller;
        }

        /**
         * Runs in the batch's transaction; a database failure fails the batch.
         *
         * @return whether the change was done: {@code false} when it was refused, whatever it wrote still in place
         */
        boolean run() {
            try {
                result = change.get();
                refusal = null;
                return true;
            } catch (DataAccessException e) {
                throw new StatementFailed(e);
            } catch (RuntimeException e) {
                refusal = e;
                return false;
            }
        }

        /** Runs in the batch's transaction after a savepoint, rolled back to when the change is refused. */
        void runAfterSavepoint(TransactionStatus batch) {
            Object savepoint = savepoint(batch);
            if (!run()) {
                try {
                    batch.rollbackToSavepoint(savepoint);
                } catch (TransactionException undoFailed) {
                    throw new StatementFailed(new TransactionSystemException("Cannot undo a refused change", undoFailed));
                }
            }
            // A kept savepoint is not released: the commit ends it, and a release would cost PostgreSQL a round trip.
        }

        private static Object savepoint(TransactionStatus batch) {
            try {
                return batch.createSavepoint();
            } catch (TransactionException e) {
                throw new StatementFailed(new TransactionSystemException("Cannot start a change's savepoint", e));
            }
        }

        /** Answers the caller once the batch is committed. */
        void answer() {
            if (refusal == null) {
                answer.complete(result);
            } else {
                answer.completeExceptionally(refusal);
            }
        }

        void runAlone(GroupCommit writer) {
            try {
                answer.complete(writer.inTransaction(status -> change.get()));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        }

        void fail(Throwable e) {
            answer.completeExceptionally(e);
        }

        T outcome() {
            try {
                return answer.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }
}
