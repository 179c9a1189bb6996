/*
 * test_robust: hostile input through the real code paths, under ASan and
 * UBSan. Every tests/data/hostile/NAME.json must fail to load with the
 * first message exactly as in NAME.err (as tests/data/bad does for
 * test_deck); decks too big to commit (100,000 nested arrays, a 10 MB
 * string, 100,000 slides...) and special files (empty, a directory, a FIFO,
 * a socket, an unreadable file, a file replaced while it is read) are made
 * here. Then what the renderer meets after a deck was checked: images
 * swapped for FIFOs, devices, symbolic links out of the folder, huge or
 * lying headers, truncated and bit-flipped PNGs; truncated, bit-flipped
 * and missing fonts; odd but valid text (right-to-left, combining marks,
 * emoji, zero-width characters, format strings, 4 KB words), drawn and
 * exported. Prints its figures on lines starting with "figure:".
 * Run from the repository's top folder.
 */
#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "app.h"
#include "check.h"
#include "deck.h"
#include "files.h"
#include "font.h"
#include "log.h"
#include "render.h"
#include "util.h"

#define HOSTILE "tests/data/hostile"
#define BAD     "tests/data/bad"
#define FONTS   "assets/fonts"
#define SEED    20071113u /* fixed: the IGF 2007 opening day */

static int generated; /* hostile decks made at run time */
static char tmp[256]; /* this run's scratch folder */
static uint64_t rng = SEED;

static uint32_t
rnd(void)
{
	rng = rng * 6364136223846793005ull + 1442695040888963407ull;
	return (uint32_t)(rng >> 33);
}

/* Helpers */

static void
write_bytes(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(data, 1, len, f) != len)
		die("cannot write %s", path);
	fclose(f);
}

static void
write_text(const char *path, const char *text)
{
	write_bytes(path, text, strlen(text));
}

static char *
read_bytes(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		die("cannot read %s", path);
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	buf = xmalloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n)
		die("cannot read %s", path);
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

/* The file's first line (an .err file); the caller frees. */
static char *
first_line(const char *path)
{
	size_t len;
	char *s = read_bytes(path, &len);

	s[strcspn(s, "\n")] = '\0';
	return s;
}

static const char *
in_tmp(const char *name)
{
	return files_path(tmp, name);
}

/* Loads path; returns 0 or -1 and copies the first message to msg. */
static int
load_first(const char *path, char *msg, size_t size, size_t *errors)
{
	struct report rep;
	struct deck d;
	int rc;

	report_init(&rep);
	rc = deck_load(&d, path, &rep);
	snprintf(msg, size, "%s", rc == 0 ? "(loaded)" : report_first(&rep));
	if (errors)
		*errors = rep.errors;
	deck_free(&d);
	report_destroy(&rep);
	return rc;
}

/* The deck at path fails with exactly want as its first message. */
static void
expect_load(const char *path, const char *want)
{
	char msg[2048];

	generated++;
	CHECK_INT(load_first(path, msg, sizeof(msg), NULL), -1);
	CHECK_STR(msg, want);
}

/* The buffer (exact length, no NUL after it) fails with want first. */
static void
expect_parse(const char *buf, size_t len, const char *want)
{
	char *copy = xmalloc(len);
	struct report rep;
	struct deck d;

	generated++;
	memcpy(copy, buf, len);
	report_init(&rep);
	CHECK_INT(deck_parse(&d, "gen.json", NULL, copy, len, &rep), -1);
	CHECK_STR(report_first(&rep), want);
	report_destroy(&rep);
	free(copy);
}

/* Captures what is written to stderr between capture_start and _end. */
static int saved_stderr = -1;

static void
capture_start(void)
{
	int fd = open(in_tmp("stderr.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0600);

	fflush(stderr);
	saved_stderr = dup(2);
	dup2(fd, 2);
	close(fd);
}

/* Returns what was captured; the caller frees. */
static char *
capture_end(void)
{
	size_t len;

	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	return read_bytes(in_tmp("stderr.txt"), &len);
}

static int
count_lines(const char *s, const char *with)
{
	int n = 0;

	for (const char *p = s; *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char line[8192];

		snprintf(line, sizeof(line), "%.*s", (int)len, p);
		if (strstr(line, with))
			n++;
		p += len + (end != NULL);
	}
	return n;
}

/* Hostile decks */

static void
test_hostile_fixtures(void)
{
	size_t n, n_bad;
	char **names = list_json(HOSTILE, &n), path[512], err[512];

	char **bad = list_json(BAD, &n_bad);

	free_list(bad, n_bad);
	CHECK(n >= 100);
	for (size_t i = 0; i < n; i++) {
		char *want;
		struct report rep;
		struct deck d;

		snprintf(path, sizeof(path), "%s/%s", HOSTILE, names[i]);
		snprintf(err, sizeof(err), "%.*s.err", (int)strlen(path) - 5,
		         path);
		want = first_line(err);
		report_init(&rep);
		CHECK_INT(deck_load(&d, path, &rep), -1);
		CHECK_STR(report_first(&rep), want);
		CHECK(d.arena == NULL && d.slides == NULL);
		report_destroy(&rep);
		free(want);
	}
	printf("figure: hostile deck fixtures: %zu in " HOSTILE
	       " and %zu in " BAD " (checked by test_deck)\n",
	       n, n_bad);
	free_list(names, n);
}

/* A buffer of head, then n copies of unit, then tail; length in *len. */
static char *
repeat(const char *head, const char *unit, size_t n, const char *tail,
       size_t *len)
{
	size_t h = strlen(head), u = strlen(unit), t = strlen(tail);
	char *buf = xmalloc(h + u * n + t + 1), *p = buf;

	memcpy(p, head, h);
	p += h;
	for (size_t i = 0; i < n; i++, p += u)
		memcpy(p, unit, u);
	memcpy(p, tail, t);
	p += t;
	*p = '\0';
	*len = (size_t)(p - buf);
	return buf;
}

static void
test_generated_giants(void)
{
	char *buf, want[512];
	size_t len;

	/* 100,000 nested arrays: refused at the 17th level, no recursion. */
	buf = repeat("{\"slides\": ", "[", 100000, "", &len);
	buf = xrealloc(buf, len + 100001);
	memset(buf + len, ']', 100000);
	buf[len + 100000] = '}';
	expect_parse(buf, len + 100001,
	             "gen.json:1:27: nested deeper than 16 arrays and "
	             "objects; flatten it");
	write_bytes(in_tmp("nested.json"), buf, len + 100001);
	snprintf(want, sizeof(want),
	         "%s:1:27: nested deeper than 16 arrays and objects; "
	         "flatten it",
	         in_tmp("nested.json"));
	expect_load(in_tmp("nested.json"), want);
	free(buf);

	/* A 10 MB string: too large a file; from a buffer, too long. */
	buf = repeat("{\"slides\": [{\"title\": \"", "a", 10000000, "\"}]}",
	             &len);
	expect_parse(buf, len,
	             "gen.json:1:23: string longer than 4096 bytes; shorten "
	             "it");
	write_bytes(in_tmp("string.json"), buf, len);
	snprintf(want, sizeof(want),
	         "%s: too large; a deck may be at most 8 MiB (8388608 bytes)",
	         in_tmp("string.json"));
	expect_load(in_tmp("string.json"), want);
	free(buf);

	/* 100,000 slides. */
	buf = repeat("{\"slides\": [", "{\"title\": \"s\"},", 100000, "", &len);
	buf[len - 1] = ']';
	buf = xrealloc(buf, len + 1);
	buf[len] = '}';
	write_bytes(in_tmp("slides.json"), buf, len + 1);
	snprintf(want, sizeof(want),
	         "%s:1:12: slides: 100000 slides; a deck may have at most "
	         "10000",
	         in_tmp("slides.json"));
	expect_load(in_tmp("slides.json"), want);
	free(buf);

	/* 700,000 values: refused before cJSON builds a tree of them. */
	buf = repeat("{\"slides\": [", "0,", 700000, "0]}", &len);
	expect_parse(buf, len,
	             "gen.json:1:1288201: more than 644096 values; that is "
	             "far more than a deck needs");
	free(buf);

	/* 400 digits, in the mantissa and in the exponent. */
	buf = repeat("{\"settings\": {\"seconds\": 1e", "9", 400,
	             "}, \"slides\": [{\"title\": \"x\"}]}", &len);
	expect_parse(buf, len,
	             "gen.json:1:26: number longer than 40 characters; "
	             "shorten it");
	free(buf);
	buf = repeat("{\"slides\": [{\"title\": \"x\", \"seconds\": -", "1",
	             400, "}]}", &len);
	expect_parse(buf, len,
	             "gen.json:1:39: number longer than 40 characters; "
	             "shorten it");
	free(buf);

	/* 100,000 keys in one object: the first unknown one is named. */
	buf = repeat("{\"slides\": [{\"title\": \"x\"}], \"a\": {",
	             "\"k\": 1, ", 100000, "\"k\": 1}}", &len);
	expect_parse(buf, len,
	             "gen.json:1:30: a: unknown key; the deck takes $schema, "
	             "title, languages, event, theme, settings, slides");
	free(buf);
}

/* Special files */

/*
 * Loads path as the user nobody in a child process and writes its first
 * message into msg. Returns 0, or -1 when privileges cannot be dropped.
 */
static int
load_as_nobody(const char *path, char *msg, size_t size)
{
	int fds[2], status;
	pid_t pid;
	ssize_t n;

	if (pipe(fds) < 0)
		return -1;
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		char out[2048];

		close(fds[0]);
		if (setgroups(0, NULL) < 0 || setgid(65534) < 0 ||
		    setuid(65534) < 0) {
			snprintf(out, sizeof(out), "SKIP %s", strerror(errno));
		} else {
			load_first(path, out, sizeof(out), NULL);
		}
		n = write(fds[1], out, strlen(out));
		_exit(n < 0);
	}
	close(fds[1]);
	n = read(fds[0], msg, size - 1);
	msg[n > 0 ? n : 0] = '\0';
	close(fds[0]);
	waitpid(pid, &status, 0);
	return strncmp(msg, "SKIP ", 5) ? 0 : -1;
}

static void
test_special_files(void)
{
	char want[6000], msg[2048], longname[5000];
	struct sockaddr_un addr = { .sun_family = AF_UNIX };
	int sock;

	write_text(in_tmp("empty.json"), "");
	snprintf(want, sizeof(want),
	         "%s: empty file; a deck needs at least {\"slides\": [ ... ]}",
	         in_tmp("empty.json"));
	expect_load(in_tmp("empty.json"), want);

	snprintf(want, sizeof(want),
	         "%s: is a directory; give the deck's .json file", tmp);
	expect_load(tmp, want);

	CHECK_INT(mkfifo(in_tmp("fifo.json"), 0600), 0);
	alarm(10); /* a blocking open would hang here */
	snprintf(want, sizeof(want),
	         "%s: is a FIFO, not a regular file; give the deck's .json "
	         "file",
	         in_tmp("fifo.json"));
	expect_load(in_tmp("fifo.json"), want);
	alarm(0);

	sock = socket(AF_UNIX, SOCK_STREAM, 0);
	snprintf(addr.sun_path, sizeof(addr.sun_path), "%s",
	         in_tmp("sock.json"));
	CHECK_INT(bind(sock, (struct sockaddr *)&addr, sizeof(addr)), 0);
	snprintf(want, sizeof(want),
	         "%s: is a socket, not a regular file; give the deck's .json "
	         "file",
	         in_tmp("sock.json"));
	expect_load(in_tmp("sock.json"), want);
	close(sock);

	expect_load("/dev/zero", "/dev/zero: is a character device, not a "
	                         "regular file; give the deck's .json file");

	CHECK_INT(symlink("loop-b.json", in_tmp("loop-a.json")), 0);
	CHECK_INT(symlink("loop-a.json", in_tmp("loop-b.json")), 0);
	snprintf(want, sizeof(want),
	         "%s: cannot open: Too many levels of symbolic links",
	         in_tmp("loop-a.json"));
	expect_load(in_tmp("loop-a.json"), want);

	/* A name over NAME_MAX; a path over PATH_MAX, whose message is cut
	 * to the report's 1023 bytes but stays one line. */
	memset(longname, 'n', 300);
	longname[300] = '\0';
	snprintf(want, sizeof(want), "%s: cannot open: File name too long",
	         longname);
	expect_load(longname, want);
	memset(longname, 'n', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	generated++;
	CHECK_INT(load_first(longname, msg, sizeof(msg), NULL), -1);
	CHECK(strlen(msg) == 1023 && !strchr(msg, '\n') &&
	      !strncmp(msg, longname, 1023));

	/* Unreadable: root reads mode-000 files, so load it as nobody. */
	write_text(in_tmp("secret.json"), "{\"slides\": [{\"title\": \"x\"}]}");
	chmod(in_tmp("secret.json"), 0);
	snprintf(want, sizeof(want), "%s: cannot open: Permission denied",
	         in_tmp("secret.json"));
	if (geteuid() != 0) {
		expect_load(in_tmp("secret.json"), want);
	} else if (load_as_nobody(in_tmp("secret.json"), msg, sizeof(msg)) ==
	           0) {
		generated++;
		CHECK_STR(msg, want);
	} else {
		printf("unreadable file: skipped: running as root and cannot "
		       "become nobody (%s)\n",
		       msg + 5);
	}
}

/*
 * A child process replaces path again and again for ms milliseconds:
 * by rename (atomic) or by rewriting it in place (truncate, then write
 * in two parts).
 */
static pid_t
start_replacer(const char *path, const char *const *versions, int n,
               bool in_place, int ms)
{
	pid_t pid = fork();

	if (pid == 0) {
		struct timespec t0, t;
		char part[512];

		clock_gettime(CLOCK_MONOTONIC, &t0);
		snprintf(part, sizeof(part), "%s.part", path);
		for (unsigned k = 0;; k++) {
			const char *v = versions[k % (unsigned)n];
			size_t len = strlen(v);
			int fd = open(in_place ? path : part,
			              O_WRONLY | O_CREAT | O_TRUNC, 0644);

			if (fd < 0 || write(fd, v, len / 2) < 0)
				_exit(1);
			sched_yield();
			if (write(fd, v + len / 2, len - len / 2) < 0)
				_exit(1);
			close(fd);
			if (!in_place)
				rename(part, path);
			clock_gettime(CLOCK_MONOTONIC, &t);
			if ((t.tv_sec - t0.tv_sec) * 1000 +
			            (t.tv_nsec - t0.tv_nsec) / 1000000 >
			    ms)
				_exit(0);
		}
	}
	return pid;
}

static void
test_replaced_while_read(void)
{
	static const char *const versions[] = {
		"{\"slides\": [{\"title\": \"a\"}, {\"title\": \"b\"}]}",
		"{\"slides\": [{\"title\": \"a\"}, {\"title\": \"b\"}, "
		"{\"title\": \"c\"}]}",
		"{\"slides\": [{\"title\": \"a\"}, {\"ti",
		"",
	};
	const char *path = in_tmp("swap.json");
	char broken[512], empty[512], msg[2048];
	unsigned seen[5] = { 0 }, loads = 0, unexpected = 0;
	int status;
	pid_t pid;

	snprintf(broken, sizeof(broken),
	         "%s:1:33: unexpected end of file inside a string (opened "
	         "at 1:30); add the closing '\"'",
	         path);
	snprintf(empty, sizeof(empty),
	         "%s: empty file; a deck needs at least {\"slides\": [ ... ]}",
	         path);
	write_text(path, versions[0]);
	/* Atomic replacement: every load sees one whole version. */
	pid = start_replacer(path, versions, 4, false, 1000);
	while (waitpid(pid, &status, WNOHANG) == 0) {
		struct report rep;
		struct deck d;

		report_init(&rep);
		loads++;
		if (deck_load(&d, path, &rep) == 0) {
			if (d.n_slides == 2 || d.n_slides == 3)
				seen[d.n_slides - 2]++;
			else
				unexpected++;
		} else if (!strcmp(report_first(&rep), broken)) {
			seen[2]++;
		} else if (!strcmp(report_first(&rep), empty)) {
			seen[3]++;
		} else {
			fprintf(stderr, "unexpected: %s\n", report_first(&rep));
			unexpected++;
		}
		deck_free(&d);
		report_destroy(&rep);
	}
	CHECK_INT(unexpected, 0);
	CHECK(seen[0] + seen[1] > 0 && seen[2] + seen[3] > 0);
	printf("figure: file replaced by rename while read: %u loads: %u+%u "
	       "good, %u+%u with the expected error, %u unexpected\n",
	       loads, seen[0], seen[1], seen[2], seen[3], unexpected);
	generated += 2;

	/* Rewritten in place: any prefix may be read; a clean one-line
	 * message or a whole version, never a crash. */
	loads = unexpected = 0;
	pid = start_replacer(path, versions, 2, true, 1000);
	while (waitpid(pid, &status, WNOHANG) == 0) {
		size_t errors;
		int rc = load_first(path, msg, sizeof(msg), &errors);

		loads++;
		if (rc < 0 && (strncmp(msg, path, strlen(path)) ||
		               strchr(msg, '\n') || errors < 1))
			unexpected++;
	}
	CHECK_INT(unexpected, 0);
	printf("figure: file rewritten in place while read: %u loads, %u "
	       "unexpected\n",
	       loads, unexpected);
	generated++;
}

/* Every proper prefix of the bundled deck fails with one clean line. */
static void
test_truncation_sweep(void)
{
	size_t len, fails = 0;
	char *deck = read_bytes("slides/igf2007.json", &len);

	while (len > 0 && (deck[len - 1] == '\n' || deck[len - 1] == ' '))
		len--; /* a prefix that lacks only the final newline loads */

	for (size_t n = 0; n < len; n++) {
		char *buf = xmalloc(n ? n : 1);
		struct report rep;
		struct deck d;

		memcpy(buf, deck, n);
		report_init(&rep);
		if (deck_parse(&d, "cut.json", NULL, buf, n, &rep) == 0) {
			fprintf(stderr, "a %zu-byte prefix loaded\n", n);
			deck_free(&d);
		} else if (rep.errors == 1 &&
		           !strchr(report_first(&rep), '\n') &&
		           !strncmp(report_first(&rep), "cut.json", 8)) {
			fails++;
		}
		report_destroy(&rep);
		free(buf);
	}
	CHECK_INT(fails, len);
	printf("figure: truncated copies of slides/igf2007.json: %zu, each "
	       "refused with one line\n",
	       fails);
	free(deck);
}

/* Images met by the renderer */

struct canvas {
	SDL_Surface *surface;
	SDL_Renderer *sdl;
	struct render *r;
};

static int
canvas_open(struct canvas *c, int w, int h, const char *fonts)
{
	struct report rep;

	report_init(&rep);
	c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
	                                            SDL_PIXELFORMAT_RGB888);
	c->sdl = SDL_CreateSoftwareRenderer(c->surface);
	c->r = render_create(c->sdl, fonts, &rep);
	report_destroy(&rep);
	return c->r ? 0 : -1;
}

static void
canvas_close(struct canvas *c)
{
	render_destroy(c->r);
	SDL_DestroyRenderer(c->sdl);
	SDL_FreeSurface(c->surface);
}

/* A w x h PNG or JPEG written by SDL_image; the caller frees. */
static char *
make_picture(int w, int h, bool jpeg, size_t *len)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32,
	                                                SDL_PIXELFORMAT_RGB888);
	const char *path = in_tmp(jpeg ? "made.jpg" : "made.png");

	for (int y = 0; y < h; y++)
		for (int x = 0; x < w; x++)
			((Uint32 *)s->pixels)[y * s->pitch / 4 + x] =
			        (Uint32)(x * 255 / w) << 16 |
			        (Uint32)(y * 255 / h) << 8 | 0x40;
	if ((jpeg ? IMG_SaveJPG(s, path, 80) : IMG_SavePNG(s, path)) < 0)
		die("cannot write %s: %s", path, IMG_GetError());
	SDL_FreeSurface(s);
	return read_bytes(path, len);
}

/* A PNG with a real IHDR for w x h and a little pixel data. */
static char *
png_header(uint32_t w, uint32_t h, size_t *len)
{
	static const unsigned char head[] = {
		0x89, 'P', 'N', 'G',  '\r', '\n', 0x1a, '\n', 0,    0, 0, 13,
		'I',  'H', 'D', 'R',  0,    0,    0,    0,    0,    0, 0, 0,
		8,    6,   0,   0,    0,    0,    0,    0,    0,    0, 0, 0,
		10,   'I', 'D', 'A',  'T',  0x78, 0x9c, 0x63, 0x60, 0, 0, 0,
		2,    0,   1,   0,    0,    0,    0,    0,    0,    0, 0, 'I',
		'E',  'N', 'D', 0xae, 0x42, 0x60, 0x82,
	};
	unsigned char *b = xmalloc(sizeof(head));

	memcpy(b, head, sizeof(head));
	for (int i = 0; i < 4; i++) {
		b[16 + i] = (unsigned char)(w >> (24 - 8 * i));
		b[20 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	*len = sizeof(head);
	return (char *)b;
}

/* The offset of a JPEG's frame header (SOF0/SOF2) marker, or 0. */
static size_t
jpeg_sof(const char *b, size_t len)
{
	for (size_t i = 2; i + 9 < len; i++)
		if ((unsigned char)b[i] == 0xff &&
		    ((unsigned char)b[i + 1] == 0xc0 ||
		     (unsigned char)b[i + 1] == 0xc2))
			return i;
	return 0;
}

/*
 * Loads a one-image deck from dir (img.png present at load time), then
 * lets prepare(dir) change the file before drawing. Returns the image
 * message render_image_errors gives, "" for none; *count receives their
 * number.
 */
static const char *
draw_image_deck(const char *dir, void (*prepare)(const char *dir),
                size_t *count)
{
	static char msg[2048];
	char path[600];
	struct canvas c;
	struct report rep;
	struct deck d;

	snprintf(path, sizeof(path), "%s/deck.json", dir);
	report_init(&rep);
	*count = 0;
	msg[0] = '\0';
	if (deck_load(&d, path, &rep) < 0) {
		snprintf(msg, sizeof(msg), "(load failed) %s",
		         report_first(&rep));
		report_destroy(&rep);
		return msg;
	}
	if (prepare)
		prepare(dir);
	if (canvas_open(&c, 640, 360, FONTS) == 0) {
		render_set_deck(c.r, &d);
		alarm(10); /* a blocking open would hang here */
		CHECK_INT(render_slide(c.r, 0, 640, 360, 0, 255), 0);
		alarm(0);
		render_image_errors(c.r, &rep);
		*count = rep.errors;
		snprintf(msg, sizeof(msg), "%s", report_first(&rep));
		canvas_close(&c);
	}
	deck_free(&d);
	report_destroy(&rep);
	return msg;
}

static char image_dir[512];
static const char *image_bytes;
static size_t image_len;

static void
put_bytes(const char *dir)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/img.png", dir);
	unlink(path);
	write_bytes(path, image_bytes, image_len);
}

static void
put_fifo(const char *dir)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/img.png", dir);
	unlink(path);
	mkfifo(path, 0600);
}

static void
put_dir(const char *dir)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/img.png", dir);
	unlink(path);
	mkdir(path, 0700);
}

static void
put_dev_zero(const char *dir)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/img.png", dir);
	unlink(path);
	symlink("/dev/zero", path);
}

static void
put_link_out(const char *dir)
{
	char path[600], target[600];

	snprintf(path, sizeof(path), "%s/img.png", dir);
	snprintf(target, sizeof(target), "%s/outside.png", tmp);
	unlink(path);
	symlink(target, path);
}

static void
put_sparse(const char *dir)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/img.png", dir);
	if (truncate(path, 40 << 20) < 0)
		die("truncate %s", path);
}

static void
put_nothing(const char *dir)
{
	char path[600];

	snprintf(path, sizeof(path), "%s/img.png", dir);
	unlink(path);
}

/* Resets the deck folder: deck.json and a good img.png. */
static void
image_dir_reset(const char *good, size_t good_len)
{
	char cmd[700], path[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", image_dir);
	CHECK_INT(system(cmd), 0);
	CHECK_INT(mkdir(image_dir, 0700), 0);
	snprintf(path, sizeof(path), "%s/deck.json", image_dir);
	write_text(path, "{\"slides\": [{\"title\": \"Map\", \"image\": "
	                 "\"img.png\", \"caption\": \"Venue\"}]}");
	snprintf(path, sizeof(path), "%s/img.png", image_dir);
	write_bytes(path, good, good_len);
}

static void
expect_image(const char *good, size_t good_len, void (*prepare)(const char *),
             const char *why)
{
	char want[1024], path[600];
	size_t count;
	const char *got;

	image_dir_reset(good, good_len);
	snprintf(path, sizeof(path), "%s/deck.json", image_dir);
	if (why)
		snprintf(
		        want, sizeof(want),
		        "%s:1:39: slides[0].image: cannot load \"img.png\": %s",
		        path, why);
	else
		want[0] = '\0';
	got = draw_image_deck(image_dir, prepare, &count);
	CHECK_STR(got, want);
	CHECK_INT(count, why ? 1 : 0);
	generated++;
}

/* SDL_image's words for a GIF cut after its logical screen. */
#define GIF_CUT "error reading global colormap; check the file is a GIF"

static void
test_image_guard(void)
{
	size_t png_len, jpg_len, len;
	char *png = make_picture(64, 48, false, &png_len);
	char *jpg = make_picture(64, 48, true, &jpg_len);
	char *b, why[256];
	size_t sof = jpeg_sof(jpg, jpg_len);

	snprintf(image_dir, sizeof(image_dir), "%s/images", tmp);
	write_bytes(in_tmp("outside.png"), png, png_len);

	expect_image(png, png_len, NULL, NULL);
	expect_image(jpg, jpg_len, NULL, NULL);
	/* Swapped after the deck was checked. */
	expect_image(png, png_len, put_fifo,
	             "not a regular file; give a PNG, JPEG, GIF (its first "
	             "frame) or WebP file");
	expect_image(png, png_len, put_dir,
	             "not a regular file; give a PNG, JPEG, GIF (its first "
	             "frame) or WebP file");
	expect_image(png, png_len, put_dev_zero,
	             "it leads outside the deck's folder; copy the image into "
	             "the folder");
	expect_image(png, png_len, put_link_out,
	             "it leads outside the deck's folder; copy the image into "
	             "the folder");
	expect_image(png, png_len, put_sparse,
	             "too large (40.0 MiB); an image may be at most 32 MiB");
	expect_image(png, png_len, put_nothing, "No such file or directory");
	/* Headers that lie, or formats the deck does not allow. */
	b = png_header(100000, 100000, &len);
	image_bytes = b, image_len = len;
	expect_image(png, png_len, put_bytes,
	             "100000x100000 pixels (10000 MP); a picture may be at "
	             "most 16384 pixels a side and 67 MP, scale it down (3840 "
	             "pixels wide is enough for a 4K screen)");
	free(b);
	b = png_header(16385, 1, &len);
	image_bytes = b, image_len = len;
	expect_image(png, png_len, put_bytes,
	             "16385x1 pixels (0 MP); a picture may be at most 16384 "
	             "pixels a side and 67 MP, scale it down (3840 pixels "
	             "wide is enough for a 4K screen)");
	free(b);
	b = png_header(0, 0, &len);
	image_bytes = b, image_len = len;
	expect_image(png, png_len, put_bytes,
	             "it declares 0x0 pixels, an empty picture; save it "
	             "again");
	memcpy(b + 12, "tEXt", 4);
	expect_image(png, png_len, put_bytes,
	             "a broken PNG header; save the picture again");
	free(b);
	CHECK(sof > 0);
	b = xmalloc(jpg_len);
	memcpy(b, jpg, jpg_len);
	b[sof + 5] = (char)0xea, b[sof + 6] = 0x60; /* 60000 */
	b[sof + 7] = (char)0xea, b[sof + 8] = 0x60;
	image_bytes = b, image_len = jpg_len;
	expect_image(png, png_len, put_bytes,
	             "60000x60000 pixels (3600 MP); a picture may be at most "
	             "16384 pixels a side and 67 MP, scale it down (3840 "
	             "pixels wide is enough for a 4K screen)");
	image_len = sof; /* cut before the frame header */
	expect_image(png, png_len, put_bytes,
	             "a broken JPEG header; save the picture again");
	free(b);
	/* A GIF is accepted, but this one stops after its screen. */
	image_bytes = "GIF89a\x01\x00\x01\x00\x80\x00\x00", image_len = 13;
	expect_image(png, png_len, put_bytes, GIF_CUT);
	image_bytes = "BM\x36\x00\x00\x00\x00\x00\x00\x00\x36\x00\x00\x00"
	              "\x28\x00\x00\x00\xff\xff\x00\x00\xff\xff\x00\x00",
	image_len = 26;
	expect_image(png, png_len, put_bytes,
	             "a BMP file; vitrine shows PNG, JPEG, GIF (its first "
	             "frame) or WebP pictures: convert it to PNG or JPEG");
	image_bytes = "", image_len = 0;
	expect_image(png, png_len, put_bytes,
	             "not a picture it knows; vitrine shows PNG, JPEG, GIF "
	             "(its first frame) or WebP pictures: convert it to PNG "
	             "or JPEG");
	/* A truncated PNG reaches the decoder, which refuses it. */
	image_bytes = png, image_len = png_len / 2;
	snprintf(why, sizeof(why), "%s",
	         "Error reading the PNG file.; check "
	         "the file is a PNG");
	expect_image(png, png_len, put_bytes, why);
	free(png);
	free(jpg);
}

/* Truncated and bit-flipped PNGs: decoded, or one message. */
static void
test_png_mutations(void)
{
	size_t png_len, decoded = 0, refused = 0, cases = 0;
	char *png = make_picture(40, 30, false, &png_len);
	char *b = xmalloc(png_len), path[600];
	SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(
	        0, 640, 360, 32, SDL_PIXELFORMAT_RGB888);
	SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surface);
	struct report rep;
	struct deck d;

	image_dir_reset(png, png_len);
	snprintf(path, sizeof(path), "%s/deck.json", image_dir);
	report_init(&rep);
	CHECK_INT(deck_load(&d, path, &rep), 0);
	for (size_t k = 0; k < 300 && d.n_slides; k++) {
		size_t len = png_len;
		struct render *r;

		memcpy(b, png, png_len);
		if (k < 60) {
			len = png_len * k / 60; /* truncated */
		} else {
			for (uint32_t f = rnd() % 8 + 1; f > 0; f--)
				b[8 + rnd() % (png_len - 8)] ^=
				        (char)(1u << (rnd() % 8));
		}
		snprintf(path, sizeof(path), "%s/img.png", image_dir);
		write_bytes(path, b, len);
		r = render_create(sdl, FONTS, &rep);
		if (!r)
			break;
		render_set_deck(r, &d);
		CHECK_INT(render_slide(r, 0, 640, 360, 0, 255), 0);
		report_clear(&rep);
		render_image_errors(r, &rep);
		CHECK(rep.errors <= 1);
		if (rep.errors == 0)
			decoded++;
		else if (strstr(report_first(&rep),
		                "cannot load \"img.png\": "))
			refused++;
		cases++;
		render_destroy(r);
	}
	CHECK_INT(cases, 300);
	CHECK_INT(decoded + refused, cases);
	printf("figure: mutated PNGs drawn: %zu (seed %u): %zu decoded, %zu "
	       "placeholders with one message each\n",
	       cases, SEED, decoded, refused);
	deck_free(&d);
	report_destroy(&rep);
	SDL_DestroyRenderer(sdl);
	SDL_FreeSurface(surface);
	free(b);
	free(png);
}

/*
 * Draws the deck d (whose img.png gets the len bytes at b) through a fresh
 * render on sdl: 0 when the picture showed, 1 when a placeholder with its
 * one message did, -1 otherwise.
 */
static int
draw_picture_bytes(SDL_Renderer *sdl, const struct deck *d, const char *b,
                   size_t len)
{
	struct report rep;
	struct render *r;
	char path[600];
	int got = -1;

	snprintf(path, sizeof(path), "%s/img.png", image_dir);
	write_bytes(path, b, len);
	report_init(&rep);
	r = render_create(sdl, FONTS, &rep);
	if (r) {
		render_set_deck(r, d);
		if (render_slide(r, 0, 640, 360, 0, 255) == 0) {
			render_image_errors(r, &rep);
			if (rep.errors == 0)
				got = 0;
			else if (rep.errors == 1 &&
			         strstr(report_first(&rep),
			                "cannot load \"img.png\": "))
				got = 1;
		}
	}
	render_destroy(r);
	report_destroy(&rep);
	return got;
}

/* A phone's JPEG: an EXIF block (Orientation o, or noise when o is 0)
 * after the SOI of the jpg_len bytes at jpg; *len receives the size. */
static char *
with_exif(const char *jpg, size_t jpg_len, int o, size_t *len)
{
	static const unsigned char tiff[] = {
		'E',  'x', 'i', 'f', 0, 0, 'I', 'I', '*', 0, 8, 0, 0, 0, 1, 0,
		0x12, 1,   3,   0,   1, 0, 0,   0,   0,   0, 0, 0, 0, 0, 0, 0
	};
	size_t n = sizeof(tiff);
	char *b = xmalloc(jpg_len + n + 4);

	memcpy(b, jpg, 2);
	b[2] = (char)0xff, b[3] = (char)0xe1;
	b[4] = (char)((n + 2) >> 8), b[5] = (char)((n + 2) & 0xff);
	memcpy(b + 6, tiff, n);
	if (o)
		b[6 + 22] = (char)o; /* the value, little-endian */
	else
		for (size_t i = 6; i < n; i++)
			b[6 + i] = (char)rnd();
	memcpy(b + 6 + n, jpg + 2, jpg_len - 2);
	*len = jpg_len + n + 4;
	return b;
}

/* JPEGs cut short, with every EXIF orientation (and out of range, and
 * noise for EXIF), and bit-flipped: decoded (upright), or one message. */
static void
test_jpeg_mutations(void)
{
	size_t jpg_len, len, decoded = 0, refused = 0, cases = 0;
	char *jpg = make_picture(48, 32, true, &jpg_len), *b, path[600];
	SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(
	        0, 640, 360, 32, SDL_PIXELFORMAT_RGB888);
	SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surface);
	struct report rep;
	struct deck d;

	image_dir_reset(jpg, jpg_len);
	snprintf(path, sizeof(path), "%s/deck.json", image_dir);
	report_init(&rep);
	CHECK_INT(deck_load(&d, path, &rep), 0);
	for (size_t k = 0; k < 200 && d.n_slides; k++) {
		int got;

		if (k < 40) { /* cut short */
			b = xmemdup_nul(jpg, jpg_len * k / 40);
			len = jpg_len * k / 40;
		} else if (k < 80) { /* orientation 0 (noise) to 39 */
			b = with_exif(jpg, jpg_len, (int)(k - 40), &len);
		} else {
			b = xmemdup_nul(jpg, jpg_len);
			len = jpg_len;
			for (uint32_t f = rnd() % 8 + 1; f > 0; f--)
				b[2 + rnd() % (len - 2)] ^=
				        (char)(1u << (rnd() % 8));
		}
		got = draw_picture_bytes(sdl, &d, b, len);
		CHECK(got >= 0);
		decoded += got == 0;
		refused += got == 1;
		/* a sound JPEG with any EXIF block shows */
		if (k >= 40 && k < 80)
			CHECK_INT(got, 0);
		cases++;
		free(b);
	}
	CHECK_INT(decoded + refused, cases);
	printf("figure: mutated JPEGs drawn: %zu (seed %u): %zu decoded, %zu "
	       "placeholders with one message each\n",
	       cases, SEED, decoded, refused);
	deck_free(&d);
	report_destroy(&rep);
	SDL_DestroyRenderer(sdl);
	SDL_FreeSurface(surface);
	free(jpg);
}

/* Fonts */

/*
 * Copies the bundled fonts into tmp/fonts; face (when >= 0) is cut to len
 * bytes and gets flips random bytes changed. Returns the folder.
 */
static const char *
font_copy(int face, size_t len, int flips)
{
	static char dir[600];
	char path[700], src[700];

	snprintf(dir, sizeof(dir), "%s/fonts", tmp);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	CHECK_INT(system(path), 0);
	CHECK_INT(mkdir(dir, 0700), 0);
	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		size_t n;
		char *data;

		snprintf(src, sizeof(src), FONTS "/%s",
		         font_file((enum deck_font)f));
		data = read_bytes(src, &n);
		if (f == face) {
			n = len < n ? len : n;
			for (int k = 0; k < flips && n > 0; k++)
				data[rnd() % n] ^= (char)(1 + rnd() % 255);
		}
		snprintf(path, sizeof(path), "%s/%s", dir,
		         font_file((enum deck_font)f));
		write_bytes(path, data, n);
		free(data);
	}
	return dir;
}

static const char *
tmp_fonts(void)
{
	return in_tmp("fonts");
}

/* Replaces one font of the copy with a FIFO or a folder. */
static void
font_replace(int face, bool fifo)
{
	char path[700];

	snprintf(path, sizeof(path), "%s/fonts/%s", tmp,
	         font_file((enum deck_font)face));
	unlink(path);
	CHECK_INT(fifo ? mkfifo(path, 0600) : mkdir(path, 0700), 0);
}

static const char font_deck[] =
        "{\"theme\": {\"heading_font\": \"%s\", \"body_font\": \"%s\"},\n"
        " \"slides\": [{\"title\": \"Agenda\", \"subtitle\": \"Rio 2007\"},"
        " {\"title\": \"Points\", \"bullets\": [\"One\", \"Two\"]}]}";

/*
 * Opens the fonts in dir on sdl and draws a slide in each face. Returns
 * the number of warnings logged (-1 when render_create failed) and
 * copies the log into log (may be NULL).
 */
static int
draw_with_fonts(SDL_Renderer *sdl, const char *dir, char *log, size_t size,
                struct report *rep)
{
	static const char *const pairs[2][2] = { { "sans-bold", "sans" },
		                                 { "serif-bold", "serif" } };
	struct render *r;
	char *out;
	int warns;

	capture_start();
	alarm(10); /* a blocking open would hang here */
	r = render_create(sdl, dir, rep);
	alarm(0);
	out = capture_end();
	warns = r ? count_lines(out, " warn: ") : -1;
	if (log)
		snprintf(log, size, "%s", out);
	free(out);
	for (int k = 0; r && k < 2; k++) {
		char json[512];
		struct report prep;
		struct deck d;

		snprintf(json, sizeof(json), font_deck, pairs[k][0],
		         pairs[k][1]);
		report_init(&prep);
		CHECK_INT(deck_parse(&d, "fonts.json", NULL, json, strlen(json),
		                     &prep),
		          0);
		render_set_deck(r, &d);
		for (size_t i = 0; i < d.n_slides; i++)
			CHECK_INT(render_slide(r, i, 640, 360, 0, 255), 0);
		CHECK(render_texture_count(r) > 2); /* text was drawn */
		render_set_deck(r, NULL);
		deck_free(&d);
		report_destroy(&prep);
	}
	render_destroy(r);
	return warns;
}

static void
test_fonts(void)
{
	static const int fallback[DECK_FONT_COUNT] = { DECK_FONT_SANS_BOLD,
		                                       DECK_FONT_SANS,
		                                       DECK_FONT_SERIF_BOLD,
		                                       DECK_FONT_SERIF };
	static const size_t cuts[] = { 0, 4, 12, 100, 1000, 10000, 100000 };
	SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(
	        0, 640, 360, 32, SDL_PIXELFORMAT_RGB888);
	SDL_Renderer *sdl = SDL_CreateSoftwareRenderer(surface);
	char log[8192], want[256];
	struct report rep;
	int cases = 0, fallbacks = 0, flipped_ok = 0;

	report_init(&rep);
	CHECK_INT(draw_with_fonts(sdl, font_copy(-1, 0, 0), NULL, 0, &rep), 0);
	/* Each face cut in half: one line, the nearest face instead. */
	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		CHECK_INT(draw_with_fonts(sdl, font_copy(f, 200000, 0), log,
		                          sizeof(log), &rep),
		          1);
		snprintf(want, sizeof(want), "drawing %s text with %s instead",
		         deck_font_name((enum deck_font)f),
		         deck_font_name((enum deck_font)fallback[f]));
		CHECK(strstr(log, want) != NULL);
		CHECK(strstr(log, font_file((enum deck_font)f)) != NULL);
		cases++, fallbacks++;
	}
	for (size_t k = 0; k < sizeof(cuts) / sizeof(cuts[0]); k++) {
		int w = draw_with_fonts(sdl,
		                        font_copy(DECK_FONT_SANS, cuts[k], 0),
		                        log, sizeof(log), &rep);

		CHECK_INT(w, 1);
		if (w != 1)
			fprintf(stderr, "cut to %zu: %s", cuts[k], log);
		cases++, fallbacks += w == 1;
	}
	/* A FIFO or a folder in a font's place: refused without opening. */
	font_copy(-1, 0, 0);
	font_replace(DECK_FONT_SERIF, true);
	CHECK_INT(draw_with_fonts(sdl, tmp_fonts(), log, sizeof(log), &rep), 1);
	CHECK(strstr(log, "cannot read font: not a regular file") != NULL);
	font_replace(DECK_FONT_SANS_BOLD, false);
	CHECK_INT(draw_with_fonts(sdl, tmp_fonts(), log, sizeof(log), &rep), 2);
	cases += 2, fallbacks += 3;
	/* Bit flips: drawn with the font or a fallback, never a crash. */
	for (int k = 0; k < 40; k++) {
		int w = draw_with_fonts(
		        sdl,
		        font_copy(k % DECK_FONT_COUNT, SIZE_MAX, 1 << (k % 9)),
		        log, sizeof(log), &rep);

		CHECK(w == 0 || w == 1);
		flipped_ok += w == 0;
		fallbacks += w == 1;
		cases++;
	}
	/* None usable: render_create fails with one line per face. */
	report_clear(&rep);
	font_copy(-1, 0, 0);
	for (int f = 0; f < DECK_FONT_COUNT; f++) {
		char path[700];

		snprintf(path, sizeof(path), "%s/%s", tmp_fonts(),
		         font_file((enum deck_font)f));
		CHECK_INT(truncate(path, 100), 0);
	}
	CHECK_INT(draw_with_fonts(sdl, tmp_fonts(), NULL, 0, &rep), -1);
	CHECK_INT(rep.errors, DECK_FONT_COUNT);
	CHECK(strstr(report_first(&rep), "not a usable font") != NULL);
	report_clear(&rep);
	CHECK_INT(draw_with_fonts(sdl, in_tmp("no-fonts"), NULL, 0, &rep), -1);
	CHECK_INT(rep.errors, DECK_FONT_COUNT);
	CHECK(strstr(report_first(&rep), "cannot read font") != NULL);
	cases += 2;
	printf("figure: damaged font sets opened: %d (seed %u): %d faces "
	       "replaced by a fallback with one log line each, %d bit-flipped "
	       "fonts still usable, 2 sets refused\n",
	       cases, SEED, fallbacks, flipped_ok);
	report_destroy(&rep);
	SDL_DestroyRenderer(sdl);
	SDL_FreeSurface(surface);
}

/* Odd but valid text */

static const char odd_deck[] =
        "{\"title\": \"Odd text\", \"slides\": [\n"
        "{\"title\": \"مرحبا بالعالم — שלום עולם\", \"subtitle\": \"RTL "
        "\\u200fmixed\\u200e with LTR 123 ٤٥٦\"},\n"
        "{\"statement\": \"%s\"},\n"
        "{\"title\": \"Emoji and invisibles\", \"bullets\": [\"😀 👍🏽 "
        "👨‍👩‍👧‍👦 🏳️‍🌈\", "
        "\"a\\u200bb\\u200cc\\u200dd\\u2060e\\ufefff\", "
        "\"\\u202eexe.txt\\u202c and \\u2066isolate\\u2069\", "
        "\"%%n%%s%%s%%x%%p %%1$s %%99999999d %%%%\", "
        "\"line\\u2028separator\\u2029paragraph\"]},\n"
        "{\"title\": \"%s\"},\n"
        "{\"title\": \"%s\", \"text\": [\"%s\"]},\n"
        "{\"cards\": [{\"name\": \"%%s%%s%%s%%n\", \"text\": "
        "\"\\u200b\\u200b\\u200b\"}, {\"name\": \"Z̴̡̢͇̈́a̶̛͓l̷g̸o\"}]},\n"
        "{\"contact\": {\"name\": \"Ana\", \"email\": \"%s\"}}\n"
        "]}";

static char *
repeated(const char *unit, size_t n)
{
	size_t len;

	return repeat("", unit, n, "", &len);
}

static bool
inside(struct layout_rect a, struct layout_rect safe)
{
	return a.x >= safe.x && a.y >= safe.y && a.x + a.w <= safe.x + safe.w &&
	       a.y + a.h <= safe.y + safe.h;
}

static void
test_odd_text(void)
{
	static const int sizes[][2] = { { 1920, 1080 },
		                        { 800, 480 },
		                        { 1080, 1920 } };
	char *marks = repeated("\xcc\x81", 2000), *zalgo,
	     *w = repeated("W", 4096);
	char *euro = repeated("€", 1365), *math = repeated("𝕏", 1024);
	char *mail = repeated("x", 4000), *json, dir[600], *log;
	struct app_options o = { .mode = -1 };
	size_t len = sizeof(odd_deck) + 4 * 4096 + 8192, slides = 0;
	struct report rep;
	struct deck d;

	zalgo = xmalloc(4002);
	snprintf(zalgo, 4002, "Z%s", marks);
	json = xmalloc(len);
	snprintf(json, len, odd_deck, zalgo, w, math, euro, mail);
	report_init(&rep);
	CHECK_INT(deck_parse(&d, "odd.json", NULL, json, strlen(json), &rep),
	          0);
	report_print(&rep, stderr);
	capture_start();
	for (size_t z = 0; z < 3 && d.n_slides; z++) {
		struct canvas c;

		CHECK_INT(canvas_open(&c, sizes[z][0], sizes[z][1], FONTS), 0);
		render_set_deck(c.r, &d);
		for (size_t i = 0; i < d.n_slides; i++) {
			const struct layout *lay =
			        render_layout(c.r, i, sizes[z][0], sizes[z][1]);

			CHECK(lay != NULL);
			for (size_t k = 1; lay && k < lay->n; k++)
				CHECK(inside(lay->items[k].box, lay->safe));
			CHECK_INT(render_slide(c.r, i, sizes[z][0], sizes[z][1],
			                       0, 255),
			          0);
			slides++;
		}
		canvas_close(&c);
	}
	log = capture_end();
	CHECK_INT(count_lines(log, "could not be drawn"), 0); /* no text lost,
	                                       not even the invisible kind */
	fputs(log, stderr);
	free(log);
	/* And through --export, as staff preview a deck. */
	write_text(in_tmp("odd.json"), json);
	snprintf(dir, sizeof(dir), "%s/export", tmp);
	o.deck = in_tmp("odd.json");
	o.export_dir = dir;
	capture_start();
	CHECK_INT(app_export(&o), 0);
	free(capture_end());
	for (size_t i = 0; i < d.n_slides; i++) {
		char png[700];
		SDL_Surface *s;

		snprintf(png, sizeof(png), "%s/slide-%03zu.png", dir, i + 1);
		s = IMG_Load(png);
		CHECK(s && s->w == 1920 && s->h == 1080);
		SDL_FreeSurface(s);
	}
	printf("figure: odd but valid text: %zu slides drawn at 3 sizes and "
	       "exported\n",
	       d.n_slides);
	(void)slides;
	deck_free(&d);
	report_destroy(&rep);
	free(json);
	free(marks);
	free(zalgo);
	free(w);
	free(euro);
	free(math);
	free(mail);
}

/* Terminal escapes are a documented rule; messages and logs escape them. */
static void
test_escapes(void)
{
	static const char esc[] =
	        "{\"slides\": [{\"title\": \"a\\u001b[2Jb\"}]}";
	static const char key[] =
	        "{\"slides\": [{\"t\\u001b]0;pwned\\u0007\": \"x\"}]}";
	struct report rep;
	struct deck d;
	char *out;

	expect_parse(esc, strlen(esc),
	             "gen.json:1:23: slides[0].title: control character U+001B "
	             "in the text; remove it");
	report_init(&rep);
	CHECK_INT(deck_parse(&d, "k.json", NULL, key, strlen(key), &rep), -1);
	CHECK(strstr(report_first(&rep), "slides[0].t\\e]0;pwned\\x07:") !=
	      NULL);
	CHECK(strchr(report_first(&rep), 0x1b) == NULL);
	capture_start();
	log_report(&rep);
	log_msg(LOG_ERROR, "%s", "deck text \x1b[2J %n%s%s \xc2\x9b end");
	out = capture_end();
	CHECK(strstr(out, "\\e]0;pwned\\x07") != NULL);
	CHECK(strstr(out, "deck text \\e[2J %n%s%s \\x9b end") != NULL);
	CHECK(strchr(out, 0x1b) == NULL && strchr(out, 0x07) == NULL);
	CHECK(strstr(out, "\xc2\x9b") == NULL);
	CHECK_INT(count_lines(out, " error: "), rep.n + 1);
	free(out);
	report_destroy(&rep);
}

int
main(void)
{
	char cmd[300];

	setenv("VITRINE_FONTS", FONTS, 1); /* for app_export */
	snprintf(tmp, sizeof(tmp), "/tmp/vitrine-robust-XXXXXX");
	if (!mkdtemp(tmp) || chmod(tmp, 0755) < 0) /* nobody reads in it */
		die("mkdtemp");
	if (TTF_Init() < 0 ||
	    !(IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG) & IMG_INIT_PNG)) {
		fprintf(stderr, "cannot start SDL_ttf/SDL_image\n");
		return 1;
	}
	printf("seed %u\n", SEED);
	RUN(test_hostile_fixtures);
	RUN(test_generated_giants);
	RUN(test_special_files);
	RUN(test_replaced_while_read);
	RUN(test_truncation_sweep);
	RUN(test_escapes);
	RUN(test_image_guard);
	RUN(test_png_mutations);
	RUN(test_jpeg_mutations);
	RUN(test_fonts);
	RUN(test_odd_text);
	printf("figure: hostile decks made at run time: %d\n", generated);
	IMG_Quit();
	TTF_Quit();
	SDL_Quit();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", tmp);
	return check_done("test_robust");
}
