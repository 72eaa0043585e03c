#define _POSIX_C_SOURCE 200809L
#include "driver/pool.h"

#include <pthread.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
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
  size_t n, nready, done;
  size_t *ready;       /* runnable jobs: a max-heap on rank */
  size_t *rank;        /* per job: the longest weighted chain of jobs from it to a job nothing waits for */
  size_t *weight;      /* per job (NULL: no budget) */
  size_t budget, running, load; /* jobs running, and their weights' total */
  size_t *waiting;     /* per job: dependencies not yet done */
  size_t **dependents; /* per job: the jobs waiting for it */
  size_t *ndependents;
  size_t *by_rank;     /* with prepare: every job, highest rank first */
  size_t prep_from;    /* by_rank[.. prep_from) holds no job left to prepare */
  unsigned char *prepared; /* per job: PREP_BUSY (being prepared: not pushed ready until that ends),
                              PREP_HELD (prepare(i) holds its part until i runs) or PREP_TRIED (it
                              held nothing) */
  size_t held;             /* the weights of the jobs being prepared or PREP_HELD */
  double idle_empty, idle_budget, preparing; /* seconds workers waited (nothing ready, or nothing that
                                                fits) and spent preparing jobs not ready */
  size_t nprepared;
  pthread_mutex_t lock;
  pthread_cond_t changed;
  bool (*prepare)(void *, size_t);
  void (*work)(void *, size_t);
  void *ctx;
} Dag;

/* How many of the first slots of the ready heap a worker looks at for a job that fits the budget (a
 * bound, so that picking stays constant work per job; slot 0 holds the highest rank, and the first
 * slots, the top levels of the heap, high ones). */
enum { LOOKAHEAD = 64 };

/* What a job costs beyond its weight when ranking (a file's fixed cost, in bytes of source). */
enum { JOB_COST = 2048 };

enum { PREP_NONE, PREP_BUSY, PREP_HELD, PREP_TRIED };

static bool ranks_above(const Dag *d, size_t a, size_t b) {
  return d->rank[a] != d->rank[b] ? d->rank[a] > d->rank[b] : a < b;
}

static void heap_up(Dag *d, size_t k) {
  while (k && ranks_above(d, d->ready[k], d->ready[(k - 1) / 2])) {
    size_t p = (k - 1) / 2, t = d->ready[p];
    d->ready[p] = d->ready[k];
    d->ready[k] = t;
    k = p;
  }
}

static void heap_down(Dag *d, size_t k) {
  for (;;) {
    size_t l = 2 * k + 1, r = l + 1, top = k;
    if (l < d->nready && ranks_above(d, d->ready[l], d->ready[top])) top = l;
    if (r < d->nready && ranks_above(d, d->ready[r], d->ready[top])) top = r;
    if (top == k) return;
    size_t t = d->ready[top];
    d->ready[top] = d->ready[k];
    d->ready[k] = t;
    k = top;
  }
}

static void push_ready(Dag *d, size_t i) {
  d->ready[d->nready++] = i;
  heap_up(d, d->nready - 1);
}

static size_t take_ready(Dag *d, size_t k) {
  size_t i = d->ready[k];
  d->ready[k] = d->ready[--d->nready];
  if (k < d->nready) {
    heap_down(d, k);
    heap_up(d, k);
  }
  return i;
}

static bool fits(const Dag *d, size_t i) {
  return !d->weight || !d->running || d->load + d->weight[i] <= d->budget ||
         d->weight[i] <= d->budget / 8; /* light jobs never wait: a thread is not left idle beside one
                                           large job */
}

/* The heap slot of the highest-ranked job that may start now, or SIZE_MAX. */
static size_t next_fitting(const Dag *d) {
  size_t best = SIZE_MAX;
  for (size_t k = 0; k < d->nready && k < LOOKAHEAD; k++)
    if (fits(d, d->ready[k]) && (best == SIZE_MAX || ranks_above(d, d->ready[k], d->ready[best]))) {
      best = k;
      if (k == 0) break;
    }
  return best;
}

static double seconds_since(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The job a worker with nothing ready prepares: of the jobs still waiting for others and not
 * prepared, the highest-ranked whose weight fits the budget beside the jobs prepared and not yet
 * running (or any, when none is: one large file's parse is allowed, as its analysis is), or
 * SIZE_MAX.  A budget of its own, not shared with the jobs running: what a prepared job holds (a
 * file's IR, 3-6 times its size) is far less than an analysis (about 50 times), and the worker that
 * prepares is idle because one large job runs, often alone over the budget. */
static size_t next_to_prepare(Dag *d) {
  if (!d->prepare) return SIZE_MAX;
  bool gone = true; /* by_rank[prep_from .. k) holds nothing left to prepare */
  for (size_t k = d->prep_from; k < d->n; k++) {
    size_t i = d->by_rank[k];
    if (!d->waiting[i] || d->prepared[i]) { /* ready, running or done, or prepared: for good */
      if (gone) d->prep_from = k + 1;
      continue;
    }
    gone = false;
    if (!d->weight || !d->held || d->held + d->weight[i] <= d->budget) return i;
  }
  return SIZE_MAX;
}

static void *dag_worker(void *p) {
  Dag *d = p;
  pthread_mutex_lock(&d->lock);
  for (;;) {
    size_t at;
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    bool over_budget = false;
    while ((at = next_fitting(d)) == SIZE_MAX && d->done < d->n) {
      over_budget |= d->nready > 0;
      size_t pj = d->nready ? SIZE_MAX : next_to_prepare(d);
      if (pj != SIZE_MAX) { /* nothing ready: do what job pj can do before its imports are done */
        *(over_budget ? &d->idle_budget : &d->idle_empty) += seconds_since(&t0);
        d->prepared[pj] = PREP_BUSY;
        size_t w = d->weight ? d->weight[pj] : 0;
        d->held += w;
        pthread_mutex_unlock(&d->lock);
        struct timespec p0;
        clock_gettime(CLOCK_MONOTONIC, &p0);
        bool held = d->prepare(d->ctx, pj);
        double took = seconds_since(&p0);
        pthread_mutex_lock(&d->lock);
        d->preparing += took;
        d->nprepared++;
        d->prepared[pj] = held ? PREP_HELD : PREP_TRIED;
        if (!held) d->held -= w;
        if (!d->waiting[pj]) { /* its imports ended meanwhile */
          push_ready(d, pj);
          pthread_cond_broadcast(&d->changed);
        }
        clock_gettime(CLOCK_MONOTONIC, &t0);
        continue;
      }
      pthread_cond_wait(&d->changed, &d->lock);
    }
    *(over_budget ? &d->idle_budget : &d->idle_empty) += seconds_since(&t0);
    if (at == SIZE_MAX) break; /* all done */
    size_t i = take_ready(d, at);
    size_t w = d->weight ? d->weight[i] : 0;
    d->running++;
    d->load += w;
    if (d->prepared[i] == PREP_HELD) d->held -= w;
    pthread_mutex_unlock(&d->lock);
    d->work(d->ctx, i);
    pthread_mutex_lock(&d->lock);
    d->running--;
    d->load -= w;
    d->done++;
    for (size_t k = 0; k < d->ndependents[i]; k++) {
      size_t j = d->dependents[i][k];
      if (--d->waiting[j] == 0 && d->prepared[j] != PREP_BUSY) push_ready(d, j);
    }
    pthread_cond_broadcast(&d->changed);
  }
  pthread_mutex_unlock(&d->lock);
  return NULL;
}

/* rank[i] = cost(i) + the largest rank of the jobs waiting for i, in reverse topological order. */
static void rank_jobs(Dag *d) {
  size_t *order = vl_xcalloc(d->n + 1, sizeof(size_t)), *left = vl_xcalloc(d->n + 1, sizeof(size_t));
  size_t head = 0, tail = 0;
  memcpy(left, d->waiting, d->n * sizeof(size_t));
  for (size_t i = 0; i < d->n; i++)
    if (!left[i]) order[tail++] = i;
  while (head < tail) {
    size_t i = order[head++];
    for (size_t k = 0; k < d->ndependents[i]; k++)
      if (--left[d->dependents[i][k]] == 0) order[tail++] = d->dependents[i][k];
  }
  for (size_t t = tail; t-- > 0;) {
    size_t i = order[t], below = 0;
    for (size_t k = 0; k < d->ndependents[i]; k++)
      if (d->rank[d->dependents[i][k]] > below) below = d->rank[d->dependents[i][k]];
    d->rank[i] = JOB_COST + (d->weight ? d->weight[i] : 0) + below;
  }
  free(order);
  free(left);
}

void vl_pool_run_dag(size_t n, int threads, size_t (*deps)(void *ctx, size_t i, const size_t **list),
                     size_t (*weight)(void *ctx, size_t i), size_t budget, void (*work)(void *ctx, size_t i),
                     void *ctx) {
  vl_pool_run_dag_prepared(n, threads, deps, weight, budget, NULL, work, ctx);
}

/* by_rank: every job, highest rank first, ties in job order (ranks_above).  The pairs carry the rank,
 * so qsort needs no context. */
typedef struct RankedJob {
  size_t rank, job;
} RankedJob;

static int by_rank_desc(const void *pa, const void *pb) {
  const RankedJob *a = pa, *b = pb;
  if (a->rank != b->rank) return a->rank > b->rank ? -1 : 1;
  return a->job < b->job ? -1 : a->job > b->job;
}

static void sort_by_rank(Dag *d) {
  RankedJob *r = vl_xcalloc(d->n, sizeof *r);
  for (size_t i = 0; i < d->n; i++) r[i] = (RankedJob){d->rank[i], i};
  qsort(r, d->n, sizeof *r, by_rank_desc);
  for (size_t k = 0; k < d->n; k++) d->by_rank[k] = r[k].job;
  free(r);
}

void vl_pool_run_dag_prepared(size_t n, int threads, size_t (*deps)(void *ctx, size_t i, const size_t **list),
                              size_t (*weight)(void *ctx, size_t i), size_t budget,
                              bool (*prepare)(void *ctx, size_t i), void (*work)(void *ctx, size_t i), void *ctx) {
  if (!n) return;
  Dag d = {.n = n, .budget = budget, .work = work, .ctx = ctx, .lock = PTHREAD_MUTEX_INITIALIZER,
           .changed = PTHREAD_COND_INITIALIZER};
  if (weight && threads > 1) {
    d.weight = vl_xcalloc(n, sizeof(size_t));
    for (size_t i = 0; i < n; i++) d.weight[i] = weight(ctx, i);
  }
  d.ready = vl_xcalloc(n, sizeof(size_t));
  d.rank = vl_xcalloc(n, sizeof(size_t));
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
  if (threads > (int)n) threads = (int)n;
  d.prepared = vl_xcalloc(n, 1);
  if (threads > 1) rank_jobs(&d); /* one thread: any order takes as long */
  if (threads > 1 && prepare) { /* one thread is never idle */
    d.prepare = prepare;
    d.by_rank = vl_xcalloc(n, sizeof(size_t));
    sort_by_rank(&d);
  }
  for (size_t i = 0; i < n; i++)
    if (!d.waiting[i]) push_ready(&d, i);
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
  if (getenv("VIEWLEAK_STATS"))
    fprintf(stderr, "pool: workers waited %.3f s with nothing ready, %.3f s for the budget; prepared %zu jobs in %.3f s\n",
            d.idle_empty, d.idle_budget, d.nprepared, d.preparing);
  for (size_t i = 0; i < n; i++) free(d.dependents[i]);
  free(d.dependents);
  free(d.ndependents);
  free(d.waiting);
  free(d.ready);
  free(d.rank);
  free(d.weight);
  free(d.by_rank);
  free(d.prepared);
  pthread_mutex_destroy(&d.lock);
  pthread_cond_destroy(&d.changed);
}
