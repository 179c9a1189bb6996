/*
 * qr: QR codes through libqrencode, and the size rule; see qr.h.
 */
#include "qr.h"

#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

int
qr_min_module_px(int s)
{
	int px = (s + QR_MODULE_DIVISOR - 1) / QR_MODULE_DIVISOR;

	return px > 0 ? px : 1;
}

int
qr_total_modules(int size)
{
	return size + 2 * QR_QUIET;
}

/* Copies code's modules (bit 0 of each byte is dark) into a new buffer. */
static unsigned char *
dark_modules(const QRcode *code)
{
	size_t n = (size_t)code->width * (size_t)code->width;
	unsigned char *out = malloc(n);

	for (size_t k = 0; out && k < n; k++)
		out[k] = code->data[k] & 1;
	return out;
}

int
qr_encode(const char *text, size_t len, unsigned char **modules, int *size)
{
	QRcode *code;

	*modules = NULL;
	*size = 0;
	if (len == 0 || len > QR_MAX_BYTES)
		return -1;
	code = QRcode_encodeData((int)len, (const unsigned char *)text, 0,
	                         QR_ECLEVEL_M);
	if (!code)
		return -1;
	if (code->version <= QR_MAX_VERSION) {
		*modules = dark_modules(code);
		*size = *modules ? code->width : 0;
	}
	QRcode_free(code);
	return *modules ? 0 : -1;
}
