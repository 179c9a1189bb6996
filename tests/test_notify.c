/*
 * test_notify: the sd_notify messages as systemd receives them. Each test
 * binds a real AF_UNIX datagram socket (a path in a fresh /tmp folder, or
 * an abstract name), points $NOTIFY_SOCKET at it and reads what arrives,
 * with the sender's credentials the kernel attaches (what NotifyAccess=main
 * checks). Also: no-ops without the variables, bad addresses, the watchdog
 * interval from $WATCHDOG_USEC and $WATCHDOG_PID, a full queue (never
 * waits) and no leaked descriptor.
 */
#define _GNU_SOURCE /* struct ucred, SO_PASSCRED */
#include "notify.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "check.h"

static char dir[64];

/* A datagram socket that receives with credentials, bound to addr. */
static int
listen_at(const struct sockaddr_un *addr, socklen_t len)
{
	int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	int one = 1;

	if (fd < 0)
		return -1;
	if (setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) < 0 ||
	    bind(fd, (const struct sockaddr *)addr, len) < 0) {
		perror("test_notify: bind");
		close(fd);
		return -1;
	}
	return fd;
}

/* Binds DIR/name and points $NOTIFY_SOCKET at it. */
static int
listen_path(const char *name)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };

	snprintf(sa.sun_path, sizeof(sa.sun_path), "%s/%s", dir, name);
	unlink(sa.sun_path);
	setenv("NOTIFY_SOCKET", sa.sun_path, 1);
	return listen_at(&sa, sizeof(sa));
}

/* Binds the abstract name "\0vitrine-test-PID-tag", $NOTIFY_SOCKET "@...". */
static int
listen_abstract(const char *tag)
{
	struct sockaddr_un sa = { .sun_family = AF_UNIX };
	char name[80];
	size_t n;

	n = (size_t)snprintf(name, sizeof(name), "@vitrine-test-%ld-%s",
	                     (long)getpid(), tag);
	memcpy(sa.sun_path, name, n);
	sa.sun_path[0] = '\0';
	setenv("NOTIFY_SOCKET", name, 1);
	return listen_at(
	        &sa, (socklen_t)(offsetof(struct sockaddr_un, sun_path) + n));
}

/*
 * Receives one datagram into buf without waiting. Returns its length, or -1
 * when nothing is there. *pid gets the sender's process id.
 */
static int
receive(int fd, char *buf, size_t size, pid_t *pid)
{
	union {
		struct cmsghdr h;
		char space[CMSG_SPACE(sizeof(struct ucred))];
	} control;
	struct iovec iov = { buf, size - 1 };
	struct msghdr mh = { .msg_iov = &iov,
		             .msg_iovlen = 1,
		             .msg_control = &control,
		             .msg_controllen = sizeof(control) };
	ssize_t n = recvmsg(fd, &mh, MSG_DONTWAIT);
	struct cmsghdr *c;

	*pid = 0;
	if (n < 0)
		return -1;
	buf[n] = '\0';
	for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c))
		if (c->cmsg_level == SOL_SOCKET &&
		    c->cmsg_type == SCM_CREDENTIALS) {
			struct ucred cred;

			memcpy(&cred, CMSG_DATA(c), sizeof(cred));
			*pid = cred.pid;
		}
	return (int)n;
}

/* Checks that exactly one datagram, want, is waiting on fd, from us. */
#define EXPECT_MESSAGE(fd, want)                                               \
	do {                                                                   \
		char got_[256];                                                \
		pid_t from_;                                                   \
		CHECK(receive(fd, got_, sizeof(got_), &from_) >= 0);           \
		CHECK_STR(got_, want);                                         \
		CHECK_INT(from_, getpid());                                    \
		CHECK(receive(fd, got_, sizeof(got_), &from_) < 0);            \
	} while (0)

#define EXPECT_NOTHING(fd)                                                     \
	do {                                                                   \
		char got_[256];                                                \
		pid_t from_;                                                   \
		CHECK(receive(fd, got_, sizeof(got_), &from_) < 0);            \
	} while (0)

static void
clear_env(void)
{
	unsetenv("NOTIFY_SOCKET");
	unsetenv("WATCHDOG_USEC");
	unsetenv("WATCHDOG_PID");
}

/* The lowest free descriptor: the same before and after means no leak. */
static int
lowest_free_fd(void)
{
	int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);

	close(fd);
	return fd;
}

static void
test_messages_on_a_path_socket(void)
{
	int fd = listen_path("notify");

	CHECK(fd >= 0);
	CHECK_INT(notify_ready(), 0);
	EXPECT_MESSAGE(fd, "READY=1");
	CHECK_INT(notify_stopping(), 0);
	EXPECT_MESSAGE(fd, "STOPPING=1");
	CHECK_INT(notify_status("slide 3/16"), 0);
	EXPECT_MESSAGE(fd, "STATUS=slide 3/16");
	CHECK_INT(notify_send("READY=1\nSTATUS=up"), 0);
	EXPECT_MESSAGE(fd, "READY=1\nSTATUS=up");
	close(fd);
	clear_env();
}

static void
test_reloading_carries_the_monotonic_time(void)
{
	int fd = listen_path("reload");
	char got[256];
	pid_t from;
	unsigned long long usec = 0;
	int end = 0;

	CHECK(fd >= 0);
	CHECK_INT(notify_reloading(), 0);
	CHECK(receive(fd, got, sizeof(got), &from) > 0);
	CHECK(sscanf(got, "RELOADING=1\nMONOTONIC_USEC=%llu%n", &usec, &end) ==
	      1);
	CHECK(usec > 0);
	CHECK_INT(got[end], '\0');
	CHECK_INT(from, getpid());
	close(fd);
	clear_env();
}

static void
test_abstract_socket(void)
{
	int fd = listen_abstract("abstract");

	CHECK(fd >= 0);
	CHECK_INT(notify_ready(), 0);
	EXPECT_MESSAGE(fd, "READY=1");
	close(fd);
	clear_env();
}

static void
test_no_socket_is_a_quiet_no_op(void)
{
	int fd = listen_path("quiet");

	clear_env();
	CHECK_INT(notify_ready(), 0);
	CHECK_INT(notify_watchdog(), 0);
	CHECK_INT(notify_stopping(), 0);
	setenv("NOTIFY_SOCKET", "", 1);
	CHECK_INT(notify_ready(), 0);
	EXPECT_NOTHING(fd);
	close(fd);
	clear_env();
}

static void
test_bad_addresses_fail(void)
{
	char path[200];
	char longname[200];

	snprintf(path, sizeof(path), "%s/nobody-listens", dir);
	setenv("NOTIFY_SOCKET", path, 1);
	errno = 0;
	CHECK_INT(notify_ready(), -1);
	CHECK_INT(errno, ENOENT);
	setenv("NOTIFY_SOCKET", "relative/socket", 1);
	CHECK_INT(notify_ready(), -1);
	setenv("NOTIFY_SOCKET", "vsock:2:1234", 1);
	CHECK_INT(notify_ready(), -1);
	setenv("NOTIFY_SOCKET", "@", 1);
	CHECK_INT(notify_ready(), -1);
	memset(longname, 'x', sizeof(longname) - 1);
	longname[0] = '/';
	longname[sizeof(longname) - 1] = '\0';
	setenv("NOTIFY_SOCKET", longname, 1);
	CHECK_INT(notify_ready(), -1);
	CHECK_INT(errno, EINVAL);
	longname[0] = '@';
	CHECK_INT(notify_ready(), -1);
	clear_env();
}

static void
test_longest_path_fits(void)
{
	struct sockaddr_un sa;
	char name[sizeof(sa.sun_path)];
	size_t room = sizeof(sa.sun_path) - 1 - strlen(dir) - 1;
	int fd;

	/* A file name that makes the path exactly 107 bytes long. */
	memset(name, 'n', room);
	name[room] = '\0';
	fd = listen_path(name);
	CHECK(fd >= 0);
	CHECK_INT(strlen(getenv("NOTIFY_SOCKET")), sizeof(sa.sun_path) - 1);
	CHECK_INT(notify_ready(), 0);
	EXPECT_MESSAGE(fd, "READY=1");
	close(fd);
	unlink(getenv("NOTIFY_SOCKET"));
	clear_env();
}

static void
test_watchdog_interval(void)
{
	static const struct {
		const char *usec, *pid; /* NULL: unset; "self": our pid */
		uint64_t ms;
	} cases[] = {
		{ NULL, NULL, 0 },
		{ "30000000", NULL, 15000 },
		{ "30000000", "self", 15000 },
		{ "30000000", "1", 0 },
		{ "30000000", "", 0 },
		{ "30000000", "12abc", 0 },
		{ "1000", NULL, 1 },
		{ "3000", NULL, 1 },
		{ "0", NULL, 0 },
		{ "", NULL, 0 },
		{ "-30000000", NULL, 0 },
		{ " 30000000", NULL, 0 },
		{ "30000000x", NULL, 0 },
		{ "99999999999999999999999", NULL, 0 },
		{ "18446744073709551615", NULL, 9223372036854775ULL },
	};
	char self[32];

	snprintf(self, sizeof(self), "%ld", (long)getpid());
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		clear_env();
		if (cases[i].usec)
			setenv("WATCHDOG_USEC", cases[i].usec, 1);
		if (cases[i].pid)
			setenv("WATCHDOG_PID",
			       strcmp(cases[i].pid, "self") ? cases[i].pid
			                                    : self,
			       1);
		CHECK_INT(notify_watchdog_interval_ms(), cases[i].ms);
		if (notify_watchdog_interval_ms() != cases[i].ms)
			fprintf(stderr, "  case %zu: WATCHDOG_USEC=%s\n", i,
			        cases[i].usec ? cases[i].usec : "(unset)");
	}
	clear_env();
}

static void
test_watchdog_pings_only_when_meant_for_us(void)
{
	int fd = listen_path("watchdog");
	char self[32];

	CHECK(fd >= 0);
	CHECK_INT(notify_watchdog(), 0); /* no WATCHDOG_USEC */
	EXPECT_NOTHING(fd);
	setenv("WATCHDOG_USEC", "30000000", 1);
	CHECK_INT(notify_watchdog(), 0);
	EXPECT_MESSAGE(fd, "WATCHDOG=1");
	snprintf(self, sizeof(self), "%ld", (long)getpid());
	setenv("WATCHDOG_PID", self, 1);
	CHECK_INT(notify_watchdog(), 0);
	EXPECT_MESSAGE(fd, "WATCHDOG=1");
	setenv("WATCHDOG_PID", "1", 1); /* a supervisor's child, say */
	CHECK_INT(notify_watchdog(), 0);
	EXPECT_NOTHING(fd);
	close(fd);
	clear_env();
}

/* Nobody reads: the queue fills, sending fails at once, nothing leaks. */
static void
test_full_queue_never_waits_nor_leaks(void)
{
	int before = lowest_free_fd();
	int fd = listen_path("leak");
	int failed = 0, again = 0;

	CHECK(fd >= 0);
	for (int i = 0; i < 1000; i++)
		if (notify_ready() < 0) {
			failed++;
			again += errno == EAGAIN;
		}
	CHECK(failed > 0);
	CHECK_INT(again, failed);
	close(fd);
	setenv("NOTIFY_SOCKET", "/nonexistent/socket", 1);
	for (int i = 0; i < 100; i++)
		CHECK_INT(notify_ready(), -1);
	CHECK_INT(lowest_free_fd(), before);
	clear_env();
}

/* Removes the sockets and the folder. */
static void
clean_dir(void)
{
	static const char *names[] = { "notify", "reload", "quiet", "watchdog",
		                       "leak" };
	char path[200];

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}

int
main(void)
{
	snprintf(dir, sizeof(dir), "/tmp/vitrine-notify-XXXXXX");
	if (!mkdtemp(dir)) {
		perror("test_notify: mkdtemp");
		return 1;
	}
	clear_env();
	RUN(test_messages_on_a_path_socket);
	RUN(test_reloading_carries_the_monotonic_time);
	RUN(test_abstract_socket);
	RUN(test_no_socket_is_a_quiet_no_op);
	RUN(test_bad_addresses_fail);
	RUN(test_longest_path_fits);
	RUN(test_watchdog_interval);
	RUN(test_watchdog_pings_only_when_meant_for_us);
	RUN(test_full_queue_never_waits_nor_leaks);
	clean_dir();
	return check_done("test_notify");
}
