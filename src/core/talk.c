/*
 * talk: the talk timer and pace; see talk.h.
 */
#include "talk.h"

#include <stdio.h>

void
talk_init(struct talk *t)
{
	*t = (struct talk){ 0 };
}

static void
start(struct talk *t, uint64_t now)
{
	t->started = t->running = true;
	t->since_ms = now;
}

void
talk_on_slide(struct talk *t, size_t index, uint64_t now)
{
	if (index > 0 && !t->started)
		start(t, now);
}

uint64_t
talk_elapsed(const struct talk *t, uint64_t now)
{
	if (!t->running || now < t->since_ms)
		return t->elapsed_ms;
	return t->elapsed_ms + (now - t->since_ms);
}

void
talk_toggle(struct talk *t, uint64_t now)
{
	t->elapsed_ms = talk_elapsed(t, now); /* what ran is kept */
	t->since_ms = now;
	t->started = true;
	t->running = !t->running;
}

void
talk_reset(struct talk *t)
{
	talk_init(t);
}

enum talk_pace
talk_pace(const struct talk *t, uint64_t now, uint64_t length_ms, size_t index,
          size_t n)
{
	uint64_t elapsed = talk_elapsed(t, now);
	double expected;

	if (!length_ms || !t->started || n == 0)
		return TALK_PACE_NONE;
	if (elapsed > length_ms)
		return TALK_PACE_OVER;
	expected = (double)length_ms * ((double)index + 0.5) / (double)n;
	if ((double)elapsed > expected + TALK_SLACK_MS)
		return TALK_PACE_BEHIND;
	if ((double)elapsed + TALK_SLACK_MS < expected)
		return TALK_PACE_AHEAD;
	return TALK_PACE_ON_TIME;
}

void
talk_clock_text(uint64_t ms, char *buf, size_t size)
{
	unsigned s = (unsigned)(ms / 1000), h = s / 3600, m = s / 60 % 60;

	if (h)
		snprintf(buf, size, "%u:%02u:%02u", h, m, s % 60);
	else
		snprintf(buf, size, "%u:%02u", m, s % 60);
}

static const char *const pace_words[] = {
	[TALK_PACE_NONE] = "",         [TALK_PACE_ON_TIME] = "on time",
	[TALK_PACE_BEHIND] = "behind", [TALK_PACE_AHEAD] = "ahead",
	[TALK_PACE_OVER] = "over",
};

void
talk_text(const struct talk *t, uint64_t now, uint64_t length_ms, size_t index,
          size_t n, char *buf, size_t size)
{
	uint64_t elapsed = talk_elapsed(t, now);
	enum talk_pace pace = talk_pace(t, now, length_ms, index, n);
	const char *paused =
	        t->started && !t->running ? " \xc2\xb7 paused" : "";
	char clock[32];

	if (!t->started) {
		snprintf(buf, size, "0:00 \xc2\xb7 starts on slide 2");
	} else if (pace == TALK_PACE_NONE) {
		talk_clock_text(elapsed, clock, sizeof(clock));
		snprintf(buf, size, "%s%s", clock, paused);
	} else if (pace == TALK_PACE_OVER) {
		talk_clock_text(elapsed - length_ms, clock, sizeof(clock));
		snprintf(buf, size, "+%s over%s", clock, paused);
	} else {
		talk_clock_text(length_ms - elapsed + 999, clock,
		                sizeof(clock));
		snprintf(buf, size, "%s left \xc2\xb7 %s%s", clock,
		         pace_words[pace], paused);
	}
}

uint64_t
talk_next_change_ms(const struct talk *t, uint64_t now)
{
	if (!t->running)
		return UINT64_MAX;
	return 1000 - talk_elapsed(t, now) % 1000;
}
