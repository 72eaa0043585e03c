#define _POSIX_C_SOURCE 200809L
#include "driver/pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/alloc.h"

typedef struct Pool {
  size_t n, next;
  bool *done;
  pthread_mutex_t lock;
  pthread_cond_t finished;
  void (*work)(void *, size_t);
  void *ctx;
} Pool;

int vl_pool_default_threads(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 64 ? 64 : (int)n;
}

static void *worker(void *p) {
  Pool *pool = p;
  for (;;) {
    pthread_mutex_lock(&pool->lock);
    size_t i = pool->next < pool->n ? pool->next++ : pool->n;
    pthread_mutex_unlock(&pool->lock);
    if (i == pool->n) return NULL;
    pool->work(pool->ctx, i);
    pthread_mutex_lock(&pool->lock);
    pool->done[i] = true;
    pthread_cond_broadcast(&pool->finished);
    pthread_mutex_unlock(&pool->lock);
  }
}

void vl_pool_run(size_t n, int threads, void (*work)(void *ctx, size_t i), void (*emit)(void *ctx, size_t i),
                 void *ctx) {
  if (threads > (int)n) threads = (int)n;
  if (threads <= 1) { /* no threads: the simple, debuggable path */
    for (size_t i = 0; i < n; i++) {
      work(ctx, i);
      emit(ctx, i);
    }
    return;
  }
  Pool pool = {n, 0, vl_xcalloc(n, sizeof(bool)), PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, work, ctx};
  pthread_t *tids = vl_xcalloc((size_t)threads, sizeof(pthread_t));
  int started = 0;
  pthread_attr_t attr; /* the analysis recurses over syntax trees: give workers a main thread's stack */
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 16u << 20);
  for (int t = 0; t < threads; t++)
    if (pthread_create(&tids[started], &attr, worker, &pool) == 0) started++;
  pthread_attr_destroy(&attr);
  if (!started) worker(&pool); /* could not start any thread: do the work here */
  for (size_t i = 0; i < n; i++) {
    pthread_mutex_lock(&pool.lock);
    while (!pool.done[i]) pthread_cond_wait(&pool.finished, &pool.lock);
    pthread_mutex_unlock(&pool.lock);
    emit(ctx, i);
  }
  for (int t = 0; t < started; t++) pthread_join(tids[t], NULL);
  pthread_mutex_destroy(&pool.lock);
  pthread_cond_destroy(&pool.finished);
  free(tids);
  free(pool.done);
}

/* ---- jobs with dependencies ---- */

typedef struct Dag {
  size_t n, ready_head, ready_tail, done;
  size_t *ready;       /* FIFO of runnable jobs */
  size_t *weight;      /* per job (NULL: no budget) */
  size_t budget, running, load; /* jobs running, and their weights' total */
  size_t *waiting;     /* per job: dependencies not yet done */
  size_t **dependents; /* per job: the jobs waiting for it */
  size_t *ndependents;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  void (*work)(void *, size_t);
  void *ctx;
} Dag;

/* How far down the ready queue a worker looks for a job that fits the budget (a bound, so that
 * picking stays constant work per job). */
enum { LOOKAHEAD = 64 };

/* The position in the ready queue of the first job that may start now, or SIZE_MAX. */
static size_t next_fitting(const Dag *d) {
  for (size_t k = d->ready_head; k < d->ready_tail && k < d->ready_head + LOOKAHEAD; k++)
    if (!d->weight || !d->running || d->load + d->weight[d->ready[k]] <= d->budget ||
        d->weight[d->ready[k]] <= d->budget / 8) /* light jobs never wait: a thread is not left idle
                                                     beside one large job */
      return k;
  return SIZE_MAX;
}

static void *dag_worker(void *p) {
  Dag *d = p;
  pthread_mutex_lock(&d->lock);
  for (;;) {
    size_t at;
    while ((at = next_fitting(d)) == SIZE_MAX && d->done < d->n) pthread_cond_wait(&d->changed, &d->lock);
    if (at == SIZE_MAX) break; /* all done */
    size_t i = d->ready[at];
    /* the jobs it passes keep their order */
    memmove(&d->ready[d->ready_head + 1], &d->ready[d->ready_head], (at - d->ready_head) * sizeof(size_t));
    d->ready_head++;
    size_t w = d->weight ? d->weight[i] : 0;
    d->running++;
    d->load += w;
    pthread_mutex_unlock(&d->lock);
    d->work(d->ctx, i);
    pthread_mutex_lock(&d->lock);
    d->running--;
    d->load -= w;
    d->done++;
    for (size_t k = 0; k < d->ndependents[i]; k++) {
      size_t j = d->dependents[i][k];
      if (--d->waiting[j] == 0) d->ready[d->ready_tail++] = j;
    }
    pthread_cond_broadcast(&d->changed);
  }
  pthread_mutex_unlock(&d->lock);
  return NULL;
}

void vl_pool_run_dag(size_t n, int threads, size_t (*deps)(void *ctx, size_t i, const size_t **list),
                     size_t (*weight)(void *ctx, size_t i), size_t budget, void (*work)(void *ctx, size_t i),
                     void *ctx) {
  if (!n) return;
  Dag d = {.n = n, .budget = budget, .work = work, .ctx = ctx, .lock = PTHREAD_MUTEX_INITIALIZER,
           .changed = PTHREAD_COND_INITIALIZER};
  if (weight && threads > 1) {
    d.weight = vl_xcalloc(n, sizeof(size_t));
    for (size_t i = 0; i < n; i++) d.weight[i] = weight(ctx, i);
  }
  d.ready = vl_xcalloc(n, sizeof(size_t));
  d.waiting = vl_xcalloc(n, sizeof(size_t));
  d.dependents = vl_xcalloc(n, sizeof(size_t *));
  d.ndependents = vl_xcalloc(n, sizeof(size_t));
  for (size_t i = 0; i < n; i++) {
    const size_t *list;
    size_t k = deps(ctx, i, &list);
    d.waiting[i] = k;
    for (size_t j = 0; j < k; j++) {
      size_t p = list[j];
      d.dependents[p] = vl_xrealloc(d.dependents[p], (d.ndependents[p] + 1) * sizeof(size_t));
      d.dependents[p][d.ndependents[p]++] = i;
    }
  }
  for (size_t i = 0; i < n; i++)
    if (!d.waiting[i]) d.ready[d.ready_tail++] = i;
  if (threads > (int)n) threads = (int)n;
  if (threads <= 1) {
    dag_worker(&d);
  } else {
    pthread_t *tids = vl_xcalloc((size_t)threads, sizeof(pthread_t));
    int started = 0;
    pthread_attr_t attr; /* the analysis recurses: give workers a main thread's stack */
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 16u << 20);
    for (int t = 0; t < threads; t++)
      if (pthread_create(&tids[started], &attr, dag_worker, &d) == 0) started++;
    pthread_attr_destroy(&attr);
    if (!started) dag_worker(&d);
    for (int t = 0; t < started; t++) pthread_join(tids[t], NULL);
    free(tids);
  }
  for (size_t i = 0; i < n; i++) free(d.dependents[i]);
  free(d.dependents);
  free(d.ndependents);
  free(d.waiting);
  free(d.ready);
  free(d.weight);
  pthread_mutex_destroy(&d.lock);
  pthread_cond_destroy(&d.changed);
}
