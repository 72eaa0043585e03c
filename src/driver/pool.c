#define _POSIX_C_SOURCE 200809L
#include "driver/pool.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
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
