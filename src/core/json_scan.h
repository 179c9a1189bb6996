/*
 * json_scan: a strict JSON checker that runs over the exact bytes before a
 * lenient parser (cJSON) builds the tree.
 *
 * It accepts RFC 8259 JSON in UTF-8 (a leading byte-order mark is skipped)
 * and nothing more: no comments, trailing commas, single quotes, NUL bytes,
 * "\u0000", lone surrogates, raw control characters in strings or invalid
 * UTF-8 anywhere, and limits nesting depth, string bytes, number length and
 * the number of values. It stops at the first problem with a one-line
 * message that says what is wrong and how to fix it, and where (line and
 * column, 1-based; columns count code points).
 *
 * On success it has recorded where every value starts, in document order,
 * which is the pre-order of the tree a parser builds (object members in
 * order, duplicates kept), so node k of that tree is v[k]; v[k].next is the
 * index of the node after k's subtree, i.e. k's next sibling when it has
 * one. Iterative, no recursion. Pure C.
 *
 * Usage:
 *	struct json_scan scan;
 *	json_scan_init(&scan);
 *	if (json_scan(&scan, buf, len, &limits) < 0)
 *		printf("%u:%u: %s\n", scan.err_at.line, scan.err_at.col,
 *		       scan.err);
 *	...
 *	json_scan_destroy(&scan);
 */
#ifndef VITRINE_JSON_SCAN_H
#define VITRINE_JSON_SCAN_H

#include <stddef.h>
#include <stdint.h>

#define JSON_SCAN_MAX_DEPTH 64 /* the most limits.depth may ask for */

struct json_pos {
	uint32_t line, col; /* 1-based; col counts code points */
};

struct json_value_pos {
	struct json_pos at;  /* the value's first character */
	struct json_pos key; /* its key when it is an object member, else at */
	uint32_t next;       /* index of the first value after its subtree */
};

struct json_limits {
	unsigned depth;      /* nested arrays and objects, at most
	                        JSON_SCAN_MAX_DEPTH */
	size_t string_bytes; /* of one string or key, after unescaping */
	size_t number_chars; /* of one number as written */
	size_t values;       /* in the whole document */
};

struct json_scan {
	struct json_value_pos *v; /* owned; n values in document order */
	size_t n, cap;
	size_t bom;             /* 3 when the text starts with a UTF-8 BOM */
	struct json_pos err_at; /* where the first problem is, on failure */
	char err[256];          /* what it is, on failure */
};

void json_scan_init(struct json_scan *scan);
/* Frees the value list. Accepts a zeroed scan. */
void json_scan_destroy(struct json_scan *scan);

/*
 * Checks the len bytes at buf (no NUL needed; never read past len) and
 * records the values' positions. Returns 0, or -1 with err and err_at set.
 * Scanning again reuses the storage.
 */
int json_scan(struct json_scan *scan, const char *buf, size_t len,
              const struct json_limits *limits);

#endif
