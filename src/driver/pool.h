/* pool.h: run independent jobs on worker threads, consume their results in order.
 *
 * vl_pool_run calls work(ctx, i) for i in [0, n) on `threads` worker threads (each job exactly once,
 * in any order), and emit(ctx, i) on the calling thread in index order, as soon as job i and all
 * before it are done.  So output stays deterministic while analysis runs in parallel, and a
 * finished job's memory can be freed in emit without waiting for the whole run.  work must only
 * touch job i's own data and read-only shared state (the engine, rule tables, configs). */
#ifndef VL_DRIVER_POOL_H
#define VL_DRIVER_POOL_H
#include <stdbool.h>
#include <stddef.h>

/* The number of threads to use by default: the online CPUs (at least 1). */
int vl_pool_default_threads(void);

void vl_pool_run(size_t n, int threads, void (*work)(void *ctx, size_t i), void (*emit)(void *ctx, size_t i),
                 void *ctx);


/* Runs work(ctx, i) for i in [0, n) on `threads` threads, each job only after the jobs
 * deps(ctx, i, &list) names are done (the list must describe an acyclic graph).  Of the jobs ready,
 * the one with the longest chain of jobs waiting on it (weighted) starts first, so that a long chain
 * of imports is not left to run alone on one thread at the end.
 * With `weight` (NULL: none), a job starts only while the weights of the jobs running and its own
 * total at most `budget`, when no other job runs, or when it is light (at most budget / 8: such jobs
 * never wait, so that a thread is not idle beside one large job); a ready job that does not fit lets
 * the lighter ones behind it pass.  The weight of a file's analysis is its size: what a run holds at once then
 * stays near what `budget` bytes of source cost, instead of growing with the largest files that
 * happen to be ready together (the test files of a package, which import the most, come last). */
void vl_pool_run_dag(size_t n, int threads, size_t (*deps)(void *ctx, size_t i, const size_t **list),
                     size_t (*weight)(void *ctx, size_t i), size_t budget, void (*work)(void *ctx, size_t i),
                     void *ctx);

/* vl_pool_run_dag, where a job also has a part that needs none of its dependencies (a file's parse):
 * a worker with no job ready calls prepare(ctx, i) for the highest-ranked job i still waiting,
 * while the weights of the jobs prepared and not yet started total at most `budget` with its own
 * (or none is: a budget apart from the jobs running, as a prepared part is a fraction of what the
 * job's work holds), so that the part a long chain of imports will need is done while one worker
 * runs that chain alone.  prepare returns whether it holds something for work(ctx, i).
 * Each job is prepared at most once, maybe never (work must do it all then), never with one thread;
 * prepare(i) may run at the same time as work(j) for another job, never with work(i). */
void vl_pool_run_dag_prepared(size_t n, int threads, size_t (*deps)(void *ctx, size_t i, const size_t **list),
                              size_t (*weight)(void *ctx, size_t i), size_t budget,
                              bool (*prepare)(void *ctx, size_t i), void (*work)(void *ctx, size_t i), void *ctx);

#endif
