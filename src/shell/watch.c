/*
 * watch: inotify and SIGHUP to SDL events; see watch.h.
 */
#define _GNU_SOURCE /* pipe2 */
#include "watch.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "log.h"
#include "util.h"

#define MAX_FOLDERS 16
#define MASK                                                                   \
	(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |            \
	 IN_DELETE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

struct folder {
	char *rel;  /* relative to the deck's folder; "" for itself; owned */
	char *path; /* as opened; owned */
	int wd;     /* -1 while it cannot be watched */
};

struct watch {
	int fd;      /* inotify */
	int wake[2]; /* SIGHUP and stop requests, read by the thread */
	SDL_Thread *thread;
	SDL_mutex *lock; /* guards folders */
	struct folder folders[MAX_FOLDERS];
	size_t n_folders;
};

static int hup_fd = -1; /* the write end of the wake pipe, for SIGHUP */

static void
on_sighup(int sig)
{
	char c = 'h';
	int saved = errno;

	(void)sig;
	if (hup_fd >= 0 && write(hup_fd, &c, 1) < 0) {
		/* the pipe is full: a reload is already pending */
	}
	errno = saved;
}

Uint32
watch_event_type(void)
{
	static Uint32 type;

	if (!type)
		type = SDL_RegisterEvents(1);
	return type;
}

static void
push(const char *name)
{
	SDL_Event ev;

	SDL_zero(ev);
	ev.type = watch_event_type();
	ev.user.data1 = name ? xstrdup(name) : NULL;
	if (SDL_PushEvent(&ev) <= 0)
		free(ev.user.data1);
}

const char *
watch_event_name(const SDL_Event *ev)
{
	return ev->user.data1;
}

void
watch_event_free(SDL_Event *ev)
{
	free(ev->user.data1);
	ev->user.data1 = NULL;
}

/* Adds the inotify watch of folder f; with the lock held. */
static void
arm(struct watch *w, struct folder *f)
{
	f->wd = inotify_add_watch(w->fd, f->path, MASK | IN_ONLYDIR);
}

/* The changed file's name relative to the deck's folder, into buf. */
static const char *
event_name(struct watch *w, const struct inotify_event *e, char *buf,
           size_t size)
{
	const char *name = NULL;

	SDL_LockMutex(w->lock);
	for (size_t i = 0; i < w->n_folders && !name; i++) {
		struct folder *f = &w->folders[i];

		if (f->wd != e->wd)
			continue;
		if (e->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF))
			f->wd = -1; /* gone: looked for again later */
		snprintf(buf, size, "%s%s%s", f->rel, *f->rel ? "/" : "",
		         e->len ? e->name : "");
		name = buf;
	}
	SDL_UnlockMutex(w->lock);
	return name;
}

static void
drain_inotify(struct watch *w)
{
	char buf[4096]
	        __attribute__((aligned(__alignof__(struct inotify_event))));
	char name[PATH_MAX];
	ssize_t n = read(w->fd, buf, sizeof(buf));

	for (ssize_t off = 0; n > 0 && off < n;) {
		const struct inotify_event *e = (const void *)(buf + off);
		const char *rel = event_name(w, e, name, sizeof(name));

		if (rel)
			push(rel);
		off += (ssize_t)(sizeof(*e) + e->len);
	}
}

/* Re-arms folders that vanished; returns whether any is still missing. */
static bool
rearm(struct watch *w)
{
	bool missing = false;

	SDL_LockMutex(w->lock);
	for (size_t i = 0; i < w->n_folders; i++) {
		if (w->folders[i].wd >= 0)
			continue;
		arm(w, &w->folders[i]);
		if (w->folders[i].wd >= 0)
			push(w->folders[i].rel); /* it is back: look again */
		else
			missing = true;
	}
	SDL_UnlockMutex(w->lock);
	return missing;
}

static int
run(void *arg)
{
	struct watch *w = arg;
	struct pollfd fds[2] = { { w->fd, POLLIN, 0 },
		                 { w->wake[0], POLLIN, 0 } };

	for (;;) {
		int timeout = rearm(w) ? WATCH_RETRY_MS : -1;
		char c = 0;

		if (poll(fds, 2, timeout) < 0 && errno != EINTR)
			return -1;
		if (fds[0].revents & POLLIN)
			drain_inotify(w);
		if ((fds[1].revents & POLLIN) && read(w->wake[0], &c, 1) == 1) {
			if (c == 'q')
				return 0;
			push(NULL);
		}
	}
}

/* Whether dir is watched already; with the lock held. */
static bool
has_folder(const struct watch *w, const char *dir)
{
	for (size_t i = 0; i < w->n_folders; i++)
		if (!strcmp(w->folders[i].rel, dir))
			return true;
	return false;
}

void
watch_add_folder(struct watch *w, const char *dir)
{
	char path[PATH_MAX];

	if (!w || w->n_folders >= MAX_FOLDERS)
		return;
	SDL_LockMutex(w->lock);
	if (!has_folder(w, dir)) {
		struct folder *f = &w->folders[w->n_folders++];

		snprintf(path, sizeof(path), "%s%s%s", w->folders[0].path,
		         *dir ? "/" : "", dir);
		f->rel = xstrdup(dir);
		f->path = xstrdup(path);
		arm(w, f);
	}
	SDL_UnlockMutex(w->lock);
}

static void
install_sighup(int fd)
{
	struct sigaction sa = { .sa_handler = on_sighup,
		                .sa_flags = SA_RESTART };

	hup_fd = fd;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
}

/* The folder of path ("." when it has none); the caller frees. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return xstrdup(".");
	return slash == path ? xstrdup("/")
	                     : xmemdup_nul(path, (size_t)(slash - path));
}

static void
close_fds(struct watch *w)
{
	const int fds[] = { w->fd, w->wake[0], w->wake[1] };

	for (size_t i = 0; i < 3; i++)
		if (fds[i] >= 0)
			close(fds[i]);
}

struct watch *
watch_start(const char *deck_path)
{
	struct watch *w = xcalloc(1, sizeof(*w));

	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	w->wake[0] = w->wake[1] = -1;
	if (w->fd < 0 || pipe2(w->wake, O_NONBLOCK | O_CLOEXEC) < 0)
		goto fail;
	w->lock = SDL_CreateMutex();
	w->folders[0].rel = xstrdup("");
	w->folders[0].path = folder_of(deck_path);
	w->n_folders = 1;
	arm(w, &w->folders[0]);
	watch_event_type();
	w->thread = SDL_CreateThread(run, "vitrine-watch", w);
	if (!w->lock || !w->thread)
		goto fail;
	install_sighup(w->wake[1]);
	return w;
fail:
	log_msg(LOG_WARN,
	        "%s: cannot watch for changes (%s); send SIGHUP "
	        "or restart to reload",
	        deck_path, w->fd < 0 ? strerror(errno) : SDL_GetError());
	close_fds(w);
	w->fd = w->wake[0] = w->wake[1] = -1;
	watch_stop(w);
	return NULL;
}

/* Frees the changes still queued (each carries a file name). */
static void
drain_events(void)
{
	SDL_Event ev;
	Uint32 type = watch_event_type();

	while (type != (Uint32)-1 &&
	       SDL_PeepEvents(&ev, 1, SDL_GETEVENT, type, type) == 1)
		watch_event_free(&ev);
}

void
watch_stop(struct watch *w)
{
	char q = 'q';

	if (!w)
		return;
	if (w->thread) {
		signal(SIGHUP, SIG_DFL);
		hup_fd = -1;
		if (write(w->wake[1], &q, 1) == 1)
			SDL_WaitThread(w->thread, NULL);
		else
			SDL_DetachThread(w->thread);
	}
	close_fds(w);
	drain_events();
	for (size_t i = 0; i < w->n_folders; i++) {
		free(w->folders[i].rel);
		free(w->folders[i].path);
	}
	if (w->lock)
		SDL_DestroyMutex(w->lock);
	free(w);
}
