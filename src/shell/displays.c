/*
 * displays: the live displays, from RandR's CRTCs on X11; see displays.h.
 */
#include "displays.h"

#include <X11/Xlib.h>
#include <X11/extensions/Xrandr.h>
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#define MAX_ON 32 /* CRTCs that are on; more are not counted */

/* libX11 and libXrandr, opened at run time as SDL opens them. */
static struct {
	void *lib[2];
	Display *(*open)(const char *name);
	int (*close)(Display *dpy);
	int (*fd)(Display *dpy);
	int (*pending)(Display *dpy);
	int (*next)(Display *dpy, XEvent *ev);
	Window (*root)(Display *dpy);
	Bool (*query)(Display *dpy, int *event_base, int *error_base);
	void (*select)(Display *dpy, Window w, int mask);
	XRRScreenResources *(*resources)(Display *dpy, Window w);
	void (*free_resources)(XRRScreenResources *res);
	XRRCrtcInfo *(*crtc)(Display *dpy, XRRScreenResources *r, RRCrtc c);
	void (*free_crtc)(XRRCrtcInfo *info);
	XRROutputInfo *(*output)(Display *dpy, XRRScreenResources *r,
	                         RROutput o);
	void (*free_output)(XRROutputInfo *info);
	RROutput (*primary)(Display *dpy, Window w);
} x;

static const struct {
	int lib; /* 0: libX11, 1: libXrandr */
	const char *name;
	void **fn;
} symbols[] = {
	{ 0, "XOpenDisplay", (void **)&x.open },
	{ 0, "XCloseDisplay", (void **)&x.close },
	{ 0, "XConnectionNumber", (void **)&x.fd },
	{ 0, "XPending", (void **)&x.pending },
	{ 0, "XNextEvent", (void **)&x.next },
	{ 0, "XDefaultRootWindow", (void **)&x.root },
	{ 1, "XRRQueryExtension", (void **)&x.query },
	{ 1, "XRRSelectInput", (void **)&x.select },
	{ 1, "XRRGetScreenResourcesCurrent", (void **)&x.resources },
	{ 1, "XRRFreeScreenResources", (void **)&x.free_resources },
	{ 1, "XRRGetCrtcInfo", (void **)&x.crtc },
	{ 1, "XRRFreeCrtcInfo", (void **)&x.free_crtc },
	{ 1, "XRRGetOutputInfo", (void **)&x.output },
	{ 1, "XRRFreeOutputInfo", (void **)&x.free_output },
	{ 1, "XRRGetOutputPrimary", (void **)&x.primary },
};

static const char *const sonames[2] = { "libX11.so.6", "libXrandr.so.2" };

/* The watch: its connection, the thread and what it last read. */
static struct {
	Display *dpy;
	int wake[2]; /* a byte written to wake[1] ends the thread */
	SDL_Thread *thread;
	SDL_mutex *lock; /* guards on and n_on */
	SDL_Rect on[MAX_ON];
	int n_on;
	Uint32 event;
	bool running;
} w = { .wake = { -1, -1 } };

static void
unload(void)
{
	for (int i = 0; i < 2; i++)
		if (x.lib[i])
			SDL_UnloadObject(x.lib[i]);
	memset(&x, 0, sizeof(x));
}

static bool
load(void)
{
	for (int i = 0; i < 2; i++)
		if (!(x.lib[i] = SDL_LoadObject(sonames[i])))
			break;
	for (size_t i = 0; x.lib[1] && i < SDL_arraysize(symbols); i++)
		*symbols[i].fn = SDL_LoadFunction(x.lib[symbols[i].lib],
		                                  symbols[i].name);
	for (size_t i = 0; i < SDL_arraysize(symbols); i++)
		if (!*symbols[i].fn) {
			unload();
			return false;
		}
	return true;
}

/* The rect of output o when it is connected and its CRTC is on. */
static bool
output_on(XRRScreenResources *res, RROutput o, SDL_Rect *rect)
{
	XRROutputInfo *info = x.output(w.dpy, res, o);
	XRRCrtcInfo *c = NULL;
	bool on = false;

	if (info && info->connection == RR_Connected && info->crtc)
		c = x.crtc(w.dpy, res, info->crtc);
	if (c && c->mode != None) {
		*rect = (SDL_Rect){ c->x, c->y, (int)c->width, (int)c->height };
		on = true;
	}
	if (c)
		x.free_crtc(c);
	if (info)
		x.free_output(info);
	return on;
}

/* Adds rect to rects[*n] unless a clone already has it. */
static void
add_rect(SDL_Rect *rects, int *n, SDL_Rect rect)
{
	for (int i = 0; i < *n; i++)
		if (SDL_RectEquals(&rects[i], &rect))
			return;
	if (*n < MAX_ON)
		rects[(*n)++] = rect;
}

/* Reads the outputs that are on into rects, in SDL's order (the primary
 * output first, then the others as the server lists them); returns how
 * many. */
static int
read_on(SDL_Rect *rects)
{
	Window root = x.root(w.dpy);
	XRRScreenResources *res = x.resources(w.dpy, root);
	RROutput primary = x.primary(w.dpy, root);
	SDL_Rect r;
	int n = 0;

	if (res && primary && output_on(res, primary, &r))
		add_rect(rects, &n, r);
	for (int i = 0; res && i < res->noutput; i++)
		if (res->outputs[i] != primary &&
		    output_on(res, res->outputs[i], &r))
			add_rect(rects, &n, r);
	if (res)
		x.free_resources(res);
	return n;
}

/* Reads the CRTCs again; posts the event when the set changed. */
static void
refresh(void)
{
	SDL_Rect now[MAX_ON];
	int n = read_on(now);
	bool same;

	SDL_LockMutex(w.lock);
	same = n == w.n_on && memcmp(now, w.on, sizeof(now[0]) * n) == 0;
	memcpy(w.on, now, sizeof(now[0]) * n);
	w.n_on = n;
	SDL_UnlockMutex(w.lock);
	if (!same) {
		SDL_Event ev = { .type = w.event };

		SDL_PushEvent(&ev);
	}
}

/* The thread: sleeps until the X server or wake[] says something. */
static int
watch(void *unused)
{
	struct pollfd fds[2] = { { x.fd(w.dpy), POLLIN, 0 },
		                 { w.wake[0], POLLIN, 0 } };

	(void)unused;
	for (;;) {
		bool any = false;

		if (poll(fds, 2, -1) < 0 && errno != EINTR)
			return 0;
		if (fds[1].revents || (fds[0].revents & (POLLERR | POLLHUP)))
			return 0;
		while (x.pending(w.dpy) > 0) {
			XEvent ev;

			x.next(w.dpy, &ev);
			any = true;
		}
		if (any)
			refresh();
	}
}

static bool
connect_randr(void)
{
	int event_base, error_base;

	if (!load())
		return false;
	w.dpy = x.open(NULL);
	if (!w.dpy || !x.query(w.dpy, &event_base, &error_base))
		return false;
	x.select(w.dpy, x.root(w.dpy),
	         RRScreenChangeNotifyMask | RRCrtcChangeNotifyMask |
	                 RROutputChangeNotifyMask);
	w.n_on = read_on(w.on);
	return true;
}

bool
displays_watch_start(void)
{
	const char *driver = SDL_GetCurrentVideoDriver();

	if (w.running || !driver || strcmp(driver, "x11") != 0)
		return w.running;
	w.event = SDL_RegisterEvents(1);
	if (w.event == (Uint32)-1 || !connect_randr() || pipe(w.wake) < 0 ||
	    !(w.lock = SDL_CreateMutex())) {
		displays_watch_stop();
		return false;
	}
	w.thread = SDL_CreateThread(watch, "displays", NULL);
	w.running = w.thread != NULL;
	if (!w.running)
		displays_watch_stop();
	return w.running;
}

void
displays_watch_stop(void)
{
	if (w.thread) {
		(void)!write(w.wake[1], "", 1);
		SDL_WaitThread(w.thread, NULL);
	}
	for (int i = 0; i < 2; i++)
		if (w.wake[i] >= 0)
			close(w.wake[i]);
	if (w.dpy)
		x.close(w.dpy);
	if (w.lock)
		SDL_DestroyMutex(w.lock);
	unload();
	memset(&w, 0, sizeof(w));
	w.wake[0] = w.wake[1] = -1;
}

bool
displays_changed_event(const SDL_Event *ev)
{
	return w.running && ev->type == w.event;
}

/* Whether the watch's list is to be used: it runs and found an output on.
 * With none on (a virtual frame buffer resized past its only mode, every
 * output off), it knows nothing SDL does not: SDL's list stands. */
static bool
watched(void)
{
	bool on;

	if (!w.running)
		return false;
	SDL_LockMutex(w.lock);
	on = w.n_on > 0;
	SDL_UnlockMutex(w.lock);
	return on;
}

int
displays_count(void)
{
	int n;

	if (!watched())
		return SDL_GetNumVideoDisplays();
	SDL_LockMutex(w.lock);
	n = w.n_on;
	SDL_UnlockMutex(w.lock);
	return n;
}

int
displays_bounds(int i, SDL_Rect *b)
{
	int rc = 0;

	if (!watched())
		return SDL_GetDisplayBounds(i, b);
	SDL_LockMutex(w.lock);
	if (i >= 0 && i < w.n_on)
		*b = w.on[i];
	else
		rc = SDL_SetError("display %d is not on", i);
	SDL_UnlockMutex(w.lock);
	return rc;
}

int
displays_sdl_at(SDL_Rect b)
{
	SDL_Rect d;

	for (int i = 0; i < SDL_GetNumVideoDisplays(); i++)
		if (SDL_GetDisplayBounds(i, &d) == 0 && SDL_RectEquals(&d, &b))
			return i;
	return -1;
}

int
displays_sdl_index(int i)
{
	SDL_Rect b;

	if (!watched())
		return i;
	return displays_bounds(i, &b) == 0 ? displays_sdl_at(b) : -1;
}
