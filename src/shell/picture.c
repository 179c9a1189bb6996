/*
 * picture: SDL_image, opened on first use; see picture.h.
 */
#include "picture.h"

#define IMG_INIT_JPG  0x1 /* SDL_image.h's values */
#define IMG_INIT_PNG  0x2
#define IMG_INIT_WEBP 0x8

static const char *const sonames[] = { "libSDL2_image-2.0.so.0",
	                               "libSDL2_image.so" };

static struct {
	void *lib;
	int (*init)(int flags);
	void (*quit)(void);
	SDL_Surface *(*load_png)(SDL_RWops *rw);
	SDL_Surface *(*load_jpg)(SDL_RWops *rw);
	SDL_Surface *(*load_gif)(SDL_RWops *rw);
	SDL_Surface *(*load_webp)(SDL_RWops *rw);
	int (*save_png)(SDL_Surface *s, const char *file);
} img;

/* Guards img: the decoder thread and the main thread both open it. */
static SDL_SpinLock img_lock;

static int
open_locked(void)
{
	if (img.lib)
		return 0;
	for (size_t i = 0; !img.lib && i < SDL_arraysize(sonames); i++)
		img.lib = SDL_LoadObject(sonames[i]);
	if (!img.lib)
		return SDL_SetError("cannot load SDL_image (%s) to decode "
		                    "pictures; install libsdl2-image-2.0-0",
		                    sonames[0]);
	/* POSIX: function pointers from void * */
	*(void **)&img.init = SDL_LoadFunction(img.lib, "IMG_Init");
	*(void **)&img.quit = SDL_LoadFunction(img.lib, "IMG_Quit");
	*(void **)&img.load_png = SDL_LoadFunction(img.lib, "IMG_LoadPNG_RW");
	*(void **)&img.load_jpg = SDL_LoadFunction(img.lib, "IMG_LoadJPG_RW");
	*(void **)&img.save_png = SDL_LoadFunction(img.lib, "IMG_SavePNG");
	*(void **)&img.load_gif = SDL_LoadFunction(img.lib, "IMG_LoadGIF_RW");
	*(void **)&img.load_webp = SDL_LoadFunction(img.lib, "IMG_LoadWEBP_RW");
	if (!img.init || !img.quit || !img.load_png || !img.load_jpg ||
	    !img.save_png || !img.load_gif || !img.load_webp) {
		SDL_UnloadObject(img.lib);
		SDL_memset(&img, 0, sizeof(img));
		return SDL_SetError("%s lacks a function vitrine needs; "
		                    "install SDL_image 2.0.2 or later",
		                    sonames[0]);
	}
	img.init(IMG_INIT_PNG | IMG_INIT_JPG | IMG_INIT_WEBP);
	return 0;
}

int
picture_open(void)
{
	int rc;

	SDL_AtomicLock(&img_lock);
	rc = open_locked();
	SDL_AtomicUnlock(&img_lock);
	return rc;
}

SDL_Surface *
picture_decode(SDL_RWops *rw, int kind)
{
	if (picture_open() < 0)
		return NULL;
	switch (kind) {
	case 'p':
		return img.load_png(rw);
	case 'g':
		return img.load_gif(rw);
	case 'w':
		return img.load_webp(rw);
	default:
		return img.load_jpg(rw);
	}
}

int
picture_save_png(SDL_Surface *s, const char *path)
{
	if (picture_open() < 0)
		return -1;
	return img.save_png(s, path);
}

void
picture_close(void)
{
	SDL_AtomicLock(&img_lock);
	if (img.lib) {
		img.quit();
		SDL_UnloadObject(img.lib);
		SDL_memset(&img, 0, sizeof(img));
	}
	SDL_AtomicUnlock(&img_lock);
}
