/*
 * decoder: one worker thread and a small table of decode jobs; see
 * decoder.h.
 *
 * A job goes QUEUED -> RUNNING -> DONE -> (taken) FREE; a cancelled one
 * is freed when the worker is done with it. One mutex guards the table;
 * the worker waits on `work`, takers on `done`.
 */
#include "decoder.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define DECODER_JOBS 32
#define RECYCLED     16 /* surfaces waiting to be freed by the worker */

enum job_state { JOB_FREE, JOB_QUEUED, JOB_RUNNING, JOB_DONE };

struct job {
	enum job_state state;
	unsigned ticket;
	bool cancelled, urgent;
	char dir[4096], path[4096]; /* copies: no memory made in one thread
	                               and freed in the other */
	int bw, bh;
	enum deck_fit fit;
	struct decoded out;
};

struct decoder {
	Uint32 event; /* pushed when a decode is done; 0: none */
	SDL_Thread *thread;
	SDL_mutex *lock;
	SDL_cond *work, *done;
	bool quit;
	unsigned next_ticket;
	struct job jobs[DECODER_JOBS];
	SDL_Surface *recycled[RECYCLED]; /* owned */
	size_t n_recycled;
};

/* Frees the surfaces handed back, in the thread that made them; under the
 * lock. */
static void
free_recycled(struct decoder *d)
{
	while (d->n_recycled)
		SDL_FreeSurface(d->recycled[--d->n_recycled]);
}

/* Frees what job holds and marks it free; under the lock. */
static void
clear_job(struct job *j)
{
	SDL_FreeSurface(j->out.surface);
	j->state = JOB_FREE;
	j->ticket = 0;
	j->cancelled = j->urgent = false;
	memset(&j->out, 0, sizeof(j->out));
}

/* The next job to run: an urgent one, else the oldest; under the lock. */
static struct job *
next_job(struct decoder *d)
{
	struct job *best = NULL;

	for (size_t i = 0; i < DECODER_JOBS; i++) {
		struct job *j = &d->jobs[i];

		if (j->state != JOB_QUEUED)
			continue;
		if (!best || (j->urgent && !best->urgent) ||
		    (j->urgent == best->urgent && j->ticket < best->ticket))
			best = j;
	}
	return best;
}

/* Decodes j outside the lock; j's fields stay put while it is RUNNING. */
static void
run_job(struct job *j)
{
	char *dir_real = NULL;

	j->out.surface =
	        image_load(j->dir, &dir_real, j->path, j->bw, j->bh, j->fit,
	                   &j->out.info, j->out.why, sizeof(j->out.why));
	free(dir_real);
}

static int
worker(void *arg)
{
	struct decoder *d = arg;
	struct job *j;

	SDL_LockMutex(d->lock);
	while (!d->quit) {
		free_recycled(d);
		if (!(j = next_job(d))) {
			SDL_CondWait(d->work, d->lock);
			continue;
		}
		j->state = JOB_RUNNING;
		SDL_UnlockMutex(d->lock);
		run_job(j);
		SDL_LockMutex(d->lock);
		if (j->cancelled)
			clear_job(j);
		else
			j->state = JOB_DONE;
		SDL_CondBroadcast(d->done);
		if (d->event && !j->cancelled) {
			SDL_Event ev = { .type = d->event };

			SDL_PushEvent(
			        &ev); /* fails harmlessly without events */
		}
	}
	SDL_UnlockMutex(d->lock);
	return 0;
}

Uint32
decoder_event_type(void)
{
	static SDL_atomic_t type;

	if (!SDL_AtomicGet(&type)) {
		Uint32 t = SDL_RegisterEvents(1);

		SDL_AtomicCAS(&type, 0, t == (Uint32)-1 ? 0 : (int)t);
	}
	return (Uint32)SDL_AtomicGet(&type);
}

struct decoder *
decoder_create(void)
{
	struct decoder *d = xcalloc(1, sizeof(*d));

	d->event = decoder_event_type();
	d->lock = SDL_CreateMutex();
	d->work = SDL_CreateCond();
	d->done = SDL_CreateCond();
	if (d->lock && d->work && d->done)
		d->thread = SDL_CreateThread(worker, "vitrine-decode", d);
	if (!d->thread) {
		decoder_destroy(d);
		return NULL;
	}
	return d;
}

void
decoder_destroy(struct decoder *d)
{
	if (!d)
		return;
	if (d->thread) {
		SDL_LockMutex(d->lock);
		d->quit = true;
		SDL_CondSignal(d->work);
		SDL_UnlockMutex(d->lock);
		SDL_WaitThread(d->thread, NULL);
	}
	for (size_t i = 0; i < DECODER_JOBS; i++)
		clear_job(&d->jobs[i]);
	free_recycled(d);
	SDL_DestroyCond(d->done);
	SDL_DestroyCond(d->work);
	SDL_DestroyMutex(d->lock);
	free(d);
}

unsigned
decoder_request(struct decoder *d, const char *dir, const char *path, int bw,
                int bh, enum deck_fit fit)
{
	unsigned ticket = 0;

	SDL_LockMutex(d->lock);
	for (size_t i = 0; i < DECODER_JOBS && !ticket; i++) {
		struct job *j = &d->jobs[i];

		if (j->state != JOB_FREE || strlen(dir) >= sizeof(j->dir) ||
		    strlen(path) >= sizeof(j->path))
			continue;
		ticket = ++d->next_ticket ? d->next_ticket : ++d->next_ticket;
		j->state = JOB_QUEUED;
		j->ticket = ticket;
		strcpy(j->dir, dir);
		strcpy(j->path, path);
		j->bw = bw;
		j->bh = bh;
		j->fit = fit;
		SDL_CondSignal(d->work);
	}
	SDL_UnlockMutex(d->lock);
	return ticket;
}

/* The job holding ticket, or NULL; under the lock. */
static struct job *
find(struct decoder *d, unsigned ticket)
{
	for (size_t i = 0; ticket && i < DECODER_JOBS; i++)
		if (d->jobs[i].state != JOB_FREE &&
		    d->jobs[i].ticket == ticket && !d->jobs[i].cancelled)
			return &d->jobs[i];
	return NULL;
}

/* Hands j's result to out and frees j; under the lock. */
static void
hand_over(struct job *j, struct decoded *out)
{
	*out = j->out;
	j->out.surface = NULL;
	clear_job(j);
}

bool
decoder_take(struct decoder *d, unsigned ticket, struct decoded *out)
{
	struct job *j;
	bool done;

	SDL_LockMutex(d->lock);
	j = find(d, ticket);
	done = j && j->state == JOB_DONE;
	if (done)
		hand_over(j, out);
	SDL_UnlockMutex(d->lock);
	return done;
}

void
decoder_wait(struct decoder *d, unsigned ticket, struct decoded *out)
{
	struct job *j;

	SDL_LockMutex(d->lock);
	while ((j = find(d, ticket)) && j->state != JOB_DONE) {
		j->urgent = true;
		SDL_CondWait(d->done, d->lock);
	}
	if (j) {
		hand_over(j, out);
	} else {
		memset(out, 0, sizeof(*out));
		snprintf(out->why, sizeof(out->why), "no such decode");
	}
	SDL_UnlockMutex(d->lock);
}

void
decoder_cancel(struct decoder *d, unsigned ticket)
{
	struct job *j;

	if (!d || !ticket)
		return;
	SDL_LockMutex(d->lock);
	j = find(d, ticket);
	if (j && j->state == JOB_RUNNING) {
		j->cancelled = true;
	} else if (j) { /* its surface is freed by the worker, which made it */
		if (j->out.surface && d->n_recycled < RECYCLED)
			d->recycled[d->n_recycled++] = j->out.surface;
		else
			SDL_FreeSurface(j->out.surface);
		j->out.surface = NULL;
		clear_job(j);
		SDL_CondSignal(d->work);
	}
	SDL_UnlockMutex(d->lock);
}

void
decoder_recycle(struct decoder *d, SDL_Surface *s)
{
	if (!d || !s) {
		SDL_FreeSurface(s);
		return;
	}
	SDL_LockMutex(d->lock);
	if (d->n_recycled == RECYCLED)
		SDL_FreeSurface(s);
	else
		d->recycled[d->n_recycled++] = s;
	SDL_CondSignal(d->work);
	SDL_UnlockMutex(d->lock);
}
