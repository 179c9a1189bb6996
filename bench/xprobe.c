/* xprobe: tiny X11 probe for bench/run.sh (screen polling, key injection, screenshots).
 *
 * Copied from the shared performance harness (shared/bench/xprobe.c, written
 * for peers.sh, which measures the programs people use instead of ours:
 * sent, feh, impressive, mpv) so that `make bench` needs nothing outside this
 * repository. Changes: XTest comes from its header (libxtst-dev), and
 * advance also counts the different screens it saw.
 *
 *   xprobe frame T0_US TIMEOUT_MS SETTLE_MS [PID]
 *       Poll from T0 (wall clock, microseconds since the epoch, e.g. bash's
 *       $EPOCHREALTIME without the dot) until a top-level window larger than
 *       1x1 is viewable (map) and, from then on, the screen is no longer a
 *       single colour (content), then until it has not changed for SETTLE_MS
 *       (settled = time of last change).
 *       Prints: map_ms content_ms settled_ms polls mean_poll_ms hash WxH
 *       (WxH: largest top-level window; NA on timeout, or as soon as PID,
 *       when given, has exited)
 *   xprobe advance KEYSYM TIMEOUT_MS SETTLE_MS
 *       Hash the screen, inject KEYSYM (XTest press+release, as xdotool does),
 *       poll until the screen differs (first), then until quiet for SETTLE_MS.
 *       Prints: first_ms settled_ms polls mean_poll_ms changes     (NA on timeout;
 *       changes = how many different screens were seen: the frames of a
 *       transition, as far as the poll interval can tell)
 *   xprobe key KEYSYM        inject one key press+release
 *   xprobe focus             give input focus to the largest viewable top-level window
 *   xprobe shot FILE.ppm     write the root window as a binary PPM
 *   xprobe floor N           time N screen grabs+hashes; prints mean_ms
 *   xprobe dummy             reference "slide program" for calibration: a
 *                            screen-sized window with a bar pattern that moves on
 *                            Right/Return/space (10 "slides"), quits on Escape/q.
 *                            Measuring it gives the harness's own floor.
 *
 * Polling sleeps XPROBE_SLEEP_MS (default 2) between grabs to leave CPU to the
 * program under test; the detection floor is one poll interval (grab+hash+sleep).
 *
 * Build: cc -O2 -o xprobe xprobe.c -lX11 -lXext -lXtst (bench/bench.mk)
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <X11/extensions/XShm.h>
#include <X11/extensions/XTest.h>
#include <sys/ipc.h>
#include <sys/shm.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <signal.h>
#include <sys/types.h>

static Display *dpy;
static Window root;
static int sw, sh;
static XImage *img;
static XShmSegmentInfo shminfo;
static int use_shm;
static double poll_sleep = 2;

static int ignore_err(Display *d, XErrorEvent *e) { (void)d; (void)e; return 0; }

static double now_ms(clockid_t c) {
    struct timespec ts;
    clock_gettime(c, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void sleep_ms(double ms) {
    struct timespec ts = { (time_t)(ms / 1000), (long)((ms - (long)(ms / 1000) * 1000) * 1e6) };
    nanosleep(&ts, NULL);
}

static void grab_init(void) {
    int scr = DefaultScreen(dpy);
    Visual *vis = DefaultVisual(dpy, scr);
    int depth = DefaultDepth(dpy, scr);
    use_shm = XShmQueryExtension(dpy) && !getenv("XPROBE_NOSHM");
    if (use_shm) {
        img = XShmCreateImage(dpy, vis, depth, ZPixmap, NULL, &shminfo, sw, sh);
        shminfo.shmid = shmget(IPC_PRIVATE, img->bytes_per_line * img->height, IPC_CREAT | 0600);
        if (shminfo.shmid < 0) { use_shm = 0; XDestroyImage(img); img = NULL; return; }
        shminfo.shmaddr = img->data = shmat(shminfo.shmid, NULL, 0);
        shminfo.readOnly = False;
        XShmAttach(dpy, &shminfo);
        XSync(dpy, False);
        shmctl(shminfo.shmid, IPC_RMID, NULL); /* freed when both sides detach */
    }
}

/* grab the root window; returns 64-bit hash, sets *uniform */
static uint64_t grab(int *uniform) {
    if (use_shm) {
        XShmGetImage(dpy, root, img, 0, 0, AllPlanes);
    } else {
        if (img) XDestroyImage(img);
        img = XGetImage(dpy, root, 0, 0, sw, sh, AllPlanes, ZPixmap);
        if (!img) { fprintf(stderr, "xprobe: XGetImage failed\n"); exit(2); }
    }
    size_t n = (size_t)img->bytes_per_line * img->height / 8;
    const uint64_t *p = (const uint64_t *)img->data;
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 1099511628211ULL; }
    if (uniform) {
        /* uniform = every pixel equal to the first one (mask out padding byte of 32bpp) */
        int u = 1;
        if (img->bits_per_pixel == 32) {
            const uint32_t *q = (const uint32_t *)img->data;
            size_t m = (size_t)img->bytes_per_line / 4 * img->height;
            uint32_t f = q[0] & 0xffffff;
            for (size_t i = 0; i < m; i++) if ((q[i] & 0xffffff) != f) { u = 0; break; }
        } else {
            for (size_t i = 1; i < n; i++) if (p[i] != p[0]) { u = 0; break; }
        }
        *uniform = u;
    }
    return h;
}

/* largest viewable top-level window (0 if none); its size in *ww, *wh */
static int top_w, top_h;
static Window top_window(void) {
    Window r, par, *kids = NULL, best = 0;
    unsigned int nk = 0;
    long bestarea = 0;
    if (!XQueryTree(dpy, root, &r, &par, &kids, &nk)) return 0;
    for (unsigned int i = 0; i < nk; i++) {
        XWindowAttributes a;
        if (!XGetWindowAttributes(dpy, kids[i], &a)) continue;
        if (a.map_state != IsViewable || a.class == InputOnly) continue;
        if (a.width <= 1 || a.height <= 1) continue;
        long area = (long)a.width * a.height;
        if (area > bestarea) { bestarea = area; best = kids[i]; top_w = a.width; top_h = a.height; }
    }
    if (kids) XFree(kids);
    return best;
}

static void key(const char *name) {
    KeySym ks = XStringToKeysym(name);
    if (ks == NoSymbol) { fprintf(stderr, "xprobe: unknown keysym %s\n", name); exit(2); }
    KeyCode kc = XKeysymToKeycode(dpy, ks);
    if (!kc) { fprintf(stderr, "xprobe: no keycode for %s\n", name); exit(2); }
    XTestFakeKeyEvent(dpy, kc, True, 0);
    XTestFakeKeyEvent(dpy, kc, False, 0);
    XFlush(dpy);
}

static void write_ppm(const char *path) {
    grab(NULL);
    FILE *f = fopen(path, "wb");
    if (!f) { perror(path); exit(2); }
    fprintf(f, "P6\n%d %d\n255\n", sw, sh);
    for (int y = 0; y < sh; y++)
        for (int x = 0; x < sw; x++) {
            unsigned long px = XGetPixel(img, x, y);
            unsigned char rgb[3] = { (px >> 16) & 255, (px >> 8) & 255, px & 255 };
            fwrite(rgb, 1, 3, f);
        }
    fclose(f);
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: see comment at top of xprobe.c\n"); return 2; }
    dpy = XOpenDisplay(NULL);
    if (!dpy) { fprintf(stderr, "xprobe: cannot open display\n"); return 2; }
    XSetErrorHandler(ignore_err);
    root = DefaultRootWindow(dpy);
    sw = DisplayWidth(dpy, DefaultScreen(dpy));
    sh = DisplayHeight(dpy, DefaultScreen(dpy));
    grab_init();
    if (getenv("XPROBE_SLEEP_MS")) poll_sleep = atof(getenv("XPROBE_SLEEP_MS"));
    const char *cmd = argv[1];

    if (!strcmp(cmd, "frame") && argc >= 5) {
        double t0 = atof(argv[2]) / 1000.0; /* us -> ms */
        double timeout = atof(argv[3]), settle = atof(argv[4]);
        pid_t pid = argc >= 6 ? (pid_t)atol(argv[5]) : 0;
        double tmap = -1, tcontent = -1, tlast = -1, polls = 0, first_poll = -1, t;
        uint64_t last = 0;
        for (;;) {
            t = now_ms(CLOCK_REALTIME);
            if (first_poll < 0) first_poll = t;
            if (t - t0 > timeout) break;
            if (pid > 0 && kill(pid, 0) != 0) break;
            if (tmap < 0 && top_window()) tmap = now_ms(CLOCK_REALTIME);
            int u;
            uint64_t h = grab(&u);
            double tg = now_ms(CLOCK_REALTIME);
            polls++;
            if (tcontent < 0) {
                if (!u && tmap >= 0) { tcontent = tlast = tg; last = h; }
            } else if (h != last) {
                last = h; tlast = tg;
            } else if (tg - tlast >= settle) {
                top_window();
                printf("%.1f %.1f %.1f %.0f %.2f %016llx %dx%d\n", tmap - t0, tcontent - t0, tlast - t0,
                       polls, (tg - first_poll) / polls, (unsigned long long)last, top_w, top_h);
                return 0;
            }
            sleep_ms(poll_sleep);
        }
        /* timeout: print what was seen, NA for the rest */
        if (tmap < 0) printf("NA "); else printf("%.1f ", tmap - t0);
        if (tcontent < 0) printf("NA NA"); else printf("%.1f NA", tcontent - t0);
        top_window();
        printf(" %.0f NA NA %dx%d\n", polls, top_w, top_h);
        return 1;
    }
    if (!strcmp(cmd, "advance") && argc >= 5) {
        double timeout = atof(argv[3]), settle = atof(argv[4]);
        uint64_t base = grab(NULL), last = base;
        double t0 = now_ms(CLOCK_MONOTONIC), tfirst = -1, tlast = -1, polls = 0, t;
        int changes = 0;
        key(argv[2]);
        for (;;) {
            uint64_t h = grab(NULL);
            t = now_ms(CLOCK_MONOTONIC);
            polls++;
            if (tfirst < 0) {
                if (h != base) { tfirst = tlast = t; last = h; changes = 1; }
                else if (t - t0 > timeout) break;
            } else if (h != last) {
                last = h; tlast = t; changes++;
            } else if (t - tlast >= settle || t - t0 > timeout + settle) {
                printf("%.1f %.1f %.0f %.2f %d\n", tfirst - t0, tlast - t0, polls, (t - t0) / polls, changes);
                return 0;
            }
            sleep_ms(poll_sleep);
        }
        printf("NA NA %.0f %.2f 0\n", polls, (t - t0) / polls);
        return 1;
    }
    if (!strcmp(cmd, "key") && argc >= 3) { key(argv[2]); XSync(dpy, False); return 0; }
    if (!strcmp(cmd, "focus")) {
        Window w = top_window();
        if (!w) return 1;
        XSetInputFocus(dpy, w, RevertToPointerRoot, CurrentTime);
        XSync(dpy, False);
        return 0;
    }
    if (!strcmp(cmd, "shot") && argc >= 3) { write_ppm(argv[2]); return 0; }
    if (!strcmp(cmd, "floor")) {
        int n = argc >= 3 ? atoi(argv[2]) : 50, u;
        double t0 = now_ms(CLOCK_MONOTONIC);
        for (int i = 0; i < n; i++) grab(&u);
        printf("%.2f\n", (now_ms(CLOCK_MONOTONIC) - t0) / n);
        return 0;
    }
    if (!strcmp(cmd, "dummy")) {
        int scr = DefaultScreen(dpy), slide = 0;
        XSetWindowAttributes wa = { .override_redirect = True, .background_pixel = WhitePixel(dpy, scr),
                                    .event_mask = ExposureMask | KeyPressMask };
        Window w = XCreateWindow(dpy, root, 0, 0, sw, sh, 0, CopyFromParent, InputOutput, CopyFromParent,
                                 CWOverrideRedirect | CWBackPixel | CWEventMask, &wa);
        GC gc = XCreateGC(dpy, w, 0, NULL);
        XMapRaised(dpy, w);
        XSetInputFocus(dpy, w, RevertToPointerRoot, CurrentTime);
        for (;;) {
            XEvent ev;
            XNextEvent(dpy, &ev);
            if (ev.type == KeyPress) {
                KeySym ks = XLookupKeysym(&ev.xkey, 0);
                if (ks == XK_Escape || ks == XK_q) break;
                if (ks == XK_Right || ks == XK_Return || ks == XK_space) slide = (slide + 1) % 10;
                else continue;
            } else if (ev.type != Expose || ev.xexpose.count) continue;
            XSetForeground(dpy, gc, WhitePixel(dpy, scr));
            XFillRectangle(dpy, w, gc, 0, 0, sw, sh);
            XSetForeground(dpy, gc, BlackPixel(dpy, scr));
            XFillRectangle(dpy, w, gc, sw / 10 + slide * sw / 20, sh / 3, sw / 4, sh / 3);
            XFlush(dpy);
        }
        return 0;
    }
    fprintf(stderr, "xprobe: bad command\n");
    return 2;
}
