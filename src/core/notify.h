/*
 * notify: tells a service manager how the program is doing, with the
 * sd_notify(3) datagram protocol and libc only (no libsystemd).
 *
 * When systemd runs vitrine as a Type=notify service it sets $NOTIFY_SOCKET
 * to a Unix datagram socket (a path, or "@name" for an abstract socket) and,
 * with WatchdogSec=, $WATCHDOG_USEC and $WATCHDOG_PID. Each call sends one
 * datagram of "KEY=value" lines to that socket. With $NOTIFY_SOCKET unset
 * or empty every call does nothing and returns 0, so the program calls these
 * the same way under systemd, another supervisor or a terminal.
 *
 *   notify_ready();                       after the first frame is shown
 *   ms = notify_watchdog_interval_ms();   0: no watchdog for this process
 *   notify_watchdog();                    every ms from the main loop
 *   notify_stopping();                    on the way out
 *
 * The calls open and close a socket each time; they are not
 * async-signal-safe: call them from the main loop, not a signal handler.
 */
#ifndef VITRINE_NOTIFY_H
#define VITRINE_NOTIFY_H

#include <stdint.h>

/*
 * Sends msg (newline-separated KEY=value assignments) to $NOTIFY_SOCKET.
 * Returns 0 when sent or when $NOTIFY_SOCKET is unset or empty; -1 with
 * errno set when the address is unusable (not absolute, not "@name", too
 * long) or sending fails, also when the receiver's queue is full (EAGAIN):
 * it never waits.
 */
int notify_send(const char *msg);

/* "READY=1": startup is done (for vitrine, the first frame is shown). */
int notify_ready(void);

/*
 * "RELOADING=1" with "MONOTONIC_USEC=" the time now: a reload has begun.
 * Send notify_ready() when it is done, whether it worked or not.
 */
int notify_reloading(void);

/* "STOPPING=1": the program is shutting down. */
int notify_stopping(void);

/* "STATUS=text": one line for `systemctl status`; text must hold no '\n'. */
int notify_status(const char *text);

/*
 * "WATCHDOG=1", only when notify_watchdog_interval_ms() is not 0 (the
 * watchdog is meant for this process); otherwise does nothing, returns 0.
 */
int notify_watchdog(void);

/*
 * How often to call notify_watchdog(), in milliseconds: half of
 * $WATCHDOG_USEC (at least 1), as sd_watchdog_enabled(3) advises. Returns 0
 * when there is no watchdog for this process: $WATCHDOG_USEC unset, not a
 * positive decimal number, or $WATCHDOG_PID set to another process's id or
 * to something that is not one.
 */
uint64_t notify_watchdog_interval_ms(void);

#endif
