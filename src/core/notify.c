/*
 * notify: the sd_notify(3) datagram protocol on a plain AF_UNIX socket; see
 * notify.h. The protocol is systemd's documented, stable interface: one
 * datagram per message to the address in $NOTIFY_SOCKET, where a leading '@'
 * stands for the NUL that starts an abstract socket name. systemd reads the
 * sender's credentials from the kernel, so nothing else goes with it.
 * Sending never waits: when the manager's queue is full the message is
 * dropped (EAGAIN) rather than freezing the show.
 */
#include "notify.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

/*
 * Fills *sa from $NOTIFY_SOCKET. Returns the address length, 0 when the
 * variable is unset or empty, or -1 with errno set when it is unusable.
 */
static int
notify_address(struct sockaddr_un *sa)
{
	const char *e = getenv("NOTIFY_SOCKET");
	size_t n;

	if (!e || !*e)
		return 0;
	n = strlen(e);
	if (e[0] != '/' && e[0] != '@') {
		errno = EAFNOSUPPORT; /* relative, or "vsock:" (systemd 254) */
		return -1;
	}
	if (n > sizeof(sa->sun_path) - (e[0] == '/') ||
	    (e[0] == '@' && n < 2)) {
		errno = EINVAL;
		return -1;
	}
	memset(sa, 0, sizeof(*sa));
	sa->sun_family = AF_UNIX;
	memcpy(sa->sun_path, e, n);
	if (e[0] == '@')
		sa->sun_path[0] = '\0'; /* the name is exactly n bytes long */
	else
		n++; /* the path's terminating NUL */
	return (int)(offsetof(struct sockaddr_un, sun_path) + n);
}

/* Closes fd, keeping errno as it was. */
static void
close_quietly(int fd)
{
	int saved = errno;

	close(fd);
	errno = saved;
}

int
notify_send(const char *msg)
{
	struct sockaddr_un sa;
	int len = notify_address(&sa);
	int fd;
	ssize_t sent;

	if (len <= 0)
		return len;
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	sent = sendto(fd, msg, strlen(msg), MSG_NOSIGNAL | MSG_DONTWAIT,
	              (const struct sockaddr *)&sa, (socklen_t)len);
	close_quietly(fd);
	return sent < 0 ? -1 : 0;
}

int
notify_ready(void)
{
	return notify_send("READY=1");
}

/* CLOCK_MONOTONIC in microseconds, as systemd reads MONOTONIC_USEC. */
static unsigned long long
monotonic_usec(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000ULL +
	       (unsigned long long)ts.tv_nsec / 1000ULL;
}

int
notify_reloading(void)
{
	char msg[64];

	snprintf(msg, sizeof(msg), "RELOADING=1\nMONOTONIC_USEC=%llu",
	         monotonic_usec());
	return notify_send(msg);
}

int
notify_stopping(void)
{
	return notify_send("STOPPING=1");
}

int
notify_status(const char *text)
{
	char msg[512];

	snprintf(msg, sizeof(msg), "STATUS=%s", text);
	return notify_send(msg);
}

int
notify_watchdog(void)
{
	return notify_watchdog_interval_ms() ? notify_send("WATCHDOG=1") : 0;
}

/* Parses a whole positive decimal number; 0 when s is not one. */
static unsigned long long
parse_positive(const char *s)
{
	unsigned long long v;
	char *end;

	if (!s || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoull(s, &end, 10);
	return errno || *end ? 0 : v;
}

/* Whether the watchdog is this process's: $WATCHDOG_PID is unset or names
 * it. */
static bool
watchdog_is_ours(void)
{
	const char *pid = getenv("WATCHDOG_PID");

	return !pid || parse_positive(pid) == (unsigned long long)getpid();
}

uint64_t
notify_watchdog_interval_ms(void)
{
	unsigned long long usec = parse_positive(getenv("WATCHDOG_USEC"));

	if (!usec || !watchdog_is_ours())
		return 0;
	return usec < 2000 ? 1 : usec / 2000;
}
