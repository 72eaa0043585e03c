/* test_pool.c: the worker pools (driver/pool.c): every job once, dependencies first, results
 * emitted in order, the weight budget of vl_pool_run_dag, and the jobs prepared by idle workers. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>
#include <time.h>

#include "testlib.h"
#include "driver/pool.h"

enum { N = 40 };

typedef struct Run {
  pthread_mutex_t lock;
  size_t weight[N];
  size_t deps[N][2];
  size_t ndeps[N];
  int runs[N];
  bool done[N];
  size_t load, max_load, running, max_running;
  size_t budget;
  bool deps_broken;
  size_t emitted[N], nemitted;
  size_t started[N], nstarted; /* jobs in the order they started */
  int prepares[N];              /* vl_pool_run_dag_prepared */
  bool preparing[N], ran_before_prepare, ran_while_preparing;
  size_t held, max_held, nheld_max; /* weights prepared and not started; jobs held at that peak */
  size_t nheld;
} Run;

static void pause_a_little(void) {
  struct timespec t = {0, 2 * 1000 * 1000};
  nanosleep(&t, NULL);
}

static size_t deps_of(void *ctx, size_t i, const size_t **list) {
  Run *r = ctx;
  *list = r->deps[i];
  return r->ndeps[i];
}

static size_t weight_of(void *ctx, size_t i) { return ((Run *)ctx)->weight[i]; }

static void work(void *ctx, size_t i) {
  Run *r = ctx;
  pthread_mutex_lock(&r->lock);
  r->runs[i]++;
  if (r->preparing[i]) r->ran_while_preparing = true;
  if (r->prepares[i]) {
    r->held -= r->weight[i];
    r->nheld--;
  }
  r->started[r->nstarted++] = i;
  for (size_t k = 0; k < r->ndeps[i]; k++)
    if (!r->done[r->deps[i][k]]) r->deps_broken = true;
  r->load += r->weight[i];
  r->running++;
  if (r->running > r->max_running) r->max_running = r->running;
  if (r->running > 1 && r->load > r->max_load) r->max_load = r->load;
  pthread_mutex_unlock(&r->lock);
  pause_a_little();
  pthread_mutex_lock(&r->lock);
  r->load -= r->weight[i];
  r->running--;
  r->done[i] = true;
  pthread_mutex_unlock(&r->lock);
}

static bool prepare(void *ctx, size_t i) {
  Run *r = ctx;
  pthread_mutex_lock(&r->lock);
  r->prepares[i]++;
  r->preparing[i] = true;
  if (r->runs[i]) r->ran_before_prepare = true;
  r->held += r->weight[i];
  r->nheld++;
  if (r->held > r->max_held) r->max_held = r->held, r->nheld_max = r->nheld;
  pthread_mutex_unlock(&r->lock);
  pause_a_little();
  pthread_mutex_lock(&r->lock);
  r->preparing[i] = false;
  pthread_mutex_unlock(&r->lock);
  return true;
}

static void emit(void *ctx, size_t i) {
  Run *r = ctx;
  r->emitted[r->nemitted++] = i;
}

/* Forty jobs, every fifth depending on the two before it, weights 1..4 and some of 10 over a budget
 * of 6: on 3 threads, several run at once, never more than the budget together. */
static Run *make_run(void) {
  Run *r = calloc(1, sizeof(Run));
  pthread_mutex_init(&r->lock, NULL);
  for (size_t i = 0; i < N; i++) {
    r->weight[i] = i % 7 == 3 ? 10 : 1 + i % 4;
    if (i % 5 == 4) {
      r->deps[i][0] = i - 1;
      r->deps[i][1] = i - 2;
      r->ndeps[i] = 2;
    }
  }
  r->budget = 6;
  return r;
}

static void dag_within_budget(void **state) {
  (void)state;
  Run *r = make_run();
  vl_pool_run_dag(N, 3, deps_of, weight_of, r->budget, work, r);
  for (size_t i = 0; i < N; i++) assert_int_equal(r->runs[i], 1);
  assert_false(r->deps_broken);
  assert_true(r->max_running >= 2);           /* it did run jobs side by side */
  assert_true(r->max_load <= r->budget);      /* never over the budget together */
  free(r);
}

/* Without weights, the same jobs meet over the budget (what the budget prevents). */
static void dag_without_weights(void **state) {
  (void)state;
  Run *r = make_run();
  vl_pool_run_dag(N, 3, deps_of, NULL, 0, work, r);
  for (size_t i = 0; i < N; i++) assert_int_equal(r->runs[i], 1);
  assert_false(r->deps_broken);
  assert_true(r->max_load > r->budget);
  free(r);
}

/* One thread: in order of readiness, each once. */
static void dag_one_thread(void **state) {
  (void)state;
  Run *r = make_run();
  vl_pool_run_dag(N, 1, deps_of, weight_of, r->budget, work, r);
  for (size_t i = 0; i < N; i++) assert_int_equal(r->runs[i], 1);
  assert_false(r->deps_broken);
  assert_int_equal(r->max_running, 1);
  free(r);
}

/* The jobs on the longest chain start first: independent jobs 0-20, then a chain 21-39 (each waiting
 * for the one before).  Started in order of readiness, the chain would
 * begin after the first independent jobs and run alone at the end; ranked by the chain below each
 * job, its head starts first and the independent jobs fill the other thread beside it. */
static void dag_longest_chain_first(void **state) {
  (void)state;
  Run *r = make_run();
  for (size_t i = 0; i < N; i++) {
    r->weight[i] = 1;
    r->ndeps[i] = 0;
    if (i > N / 2 + 1) {
      r->deps[i][0] = i - 1;
      r->ndeps[i] = 1;
    }
  }
  r->budget = 100;
  vl_pool_run_dag(N, 2, deps_of, weight_of, r->budget, work, r);
  for (size_t i = 0; i < N; i++) assert_int_equal(r->runs[i], 1);
  assert_false(r->deps_broken);
  /* the chain's head is one of the two jobs the threads take first (the second thread may record
   * its start before the first), not the twenty-first */
  assert_true(r->started[0] == N / 2 + 1 || r->started[1] == N / 2 + 1);
  free(r);
}

/* A chain of jobs (each waiting for the one before) and a few independent ones: the worker with
 * nothing ready prepares the jobs further down the chain, each at most once, always before it runs
 * and never while it runs, while the weights prepared and not started stay within the budget. */
static void dag_prepares_while_idle(void **state) {
  (void)state;
  Run *r = make_run();
  for (size_t i = 0; i < N; i++) {
    r->weight[i] = 1 + i % 3;
    r->ndeps[i] = 0;
    if (i > 2) {
      r->deps[i][0] = i - 1;
      r->ndeps[i] = 1;
    }
  }
  r->budget = 6;
  vl_pool_run_dag_prepared(N, 2, deps_of, weight_of, r->budget, prepare, work, r);
  size_t prepared = 0;
  for (size_t i = 0; i < N; i++) {
    assert_int_equal(r->runs[i], 1);
    assert_true(r->prepares[i] <= 1);
    prepared += (size_t)r->prepares[i];
  }
  assert_false(r->deps_broken);
  assert_false(r->ran_before_prepare);
  assert_false(r->ran_while_preparing);
  assert_true(prepared > 0);
  /* (the pool lets go of a job's weight when it takes the job, this count when work begins: one
   * job taken and not yet begun, of weight 3 at most, may be counted too) */
  assert_true(r->max_held <= r->budget + 3 || r->nheld_max == 1);
  free(r);
}

/* One thread is never idle: nothing is prepared. */
static void dag_one_thread_prepares_nothing(void **state) {
  (void)state;
  Run *r = make_run();
  vl_pool_run_dag_prepared(N, 1, deps_of, weight_of, r->budget, prepare, work, r);
  for (size_t i = 0; i < N; i++) {
    assert_int_equal(r->runs[i], 1);
    assert_int_equal(r->prepares[i], 0);
  }
  free(r);
}

static void emits_in_order(void **state) {
  (void)state;
  Run *r = make_run();
  for (size_t i = 0; i < N; i++) r->ndeps[i] = 0;
  vl_pool_run(N, 3, work, emit, r);
  assert_int_equal(r->nemitted, N);
  for (size_t i = 0; i < N; i++) {
    assert_int_equal(r->emitted[i], i);
    assert_int_equal(r->runs[i], 1);
  }
  free(r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(dag_within_budget),
      cmocka_unit_test(dag_without_weights),
      cmocka_unit_test(dag_one_thread),
      cmocka_unit_test(dag_longest_chain_first),
      cmocka_unit_test(dag_prepares_while_idle),
      cmocka_unit_test(dag_one_thread_prepares_nothing),
      cmocka_unit_test(emits_in_order),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
