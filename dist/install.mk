# install.mk: make install / uninstall, included by the Makefile.
#
#   make install [PREFIX=/usr/local] [DESTDIR=]   (then as root, or a package)
#   make uninstall                               (the same PREFIX, DESTDIR)
#
# Installs the program, its fonts, the sample deck and its schema, the man
# page and the systemd unit. The program finds its fonts relative to itself
# (BINDIR/../share/vitrine/fonts), so any PREFIX works, also under DESTDIR.
# The unit is a system unit (vitrine on the console's screen as user
# "vitrine"); systemd reads /usr/local/lib/systemd/system too, so it is found
# with the default PREFIX. The man page and the unit name /usr/bin/vitrine
# and /usr/share/vitrine; they are written with this PREFIX's paths.

BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/vitrine
MANDIR  ?= $(PREFIX)/share/man
UNITDIR ?= $(PREFIX)/lib/systemd/system

INSTALL_FONTS  = $(wildcard assets/fonts/*.ttf) assets/fonts/OFL.txt
INSTALL_SLIDES = slides/igf2007.json slides/deck.schema.json
INSTALL_PATHS  = -e 's|/usr/bin/vitrine|$(BINDIR)/vitrine|g' \
		 -e 's|/usr/share/vitrine|$(DATADIR)|g' \
		 -e 's|/usr/lib/systemd/system|$(UNITDIR)|g' \
		 -e 's|"vitrine 0\.1\.0"|"vitrine $(VERSION)"|'

.PHONY: install uninstall

install: build/vitrine
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(DATADIR)/fonts" \
		"$(DESTDIR)$(DATADIR)/slides" "$(DESTDIR)$(MANDIR)/man1" \
		"$(DESTDIR)$(UNITDIR)"
	install -m 755 build/vitrine "$(DESTDIR)$(BINDIR)/vitrine"
	install -m 644 $(INSTALL_FONTS) "$(DESTDIR)$(DATADIR)/fonts/"
	install -m 644 $(INSTALL_SLIDES) "$(DESTDIR)$(DATADIR)/slides/"
	sed $(INSTALL_PATHS) dist/vitrine.1 >"$(DESTDIR)$(MANDIR)/man1/vitrine.1"
	sed $(INSTALL_PATHS) dist/vitrine.service \
		>"$(DESTDIR)$(UNITDIR)/vitrine.service"
	chmod 644 "$(DESTDIR)$(MANDIR)/man1/vitrine.1" \
		"$(DESTDIR)$(UNITDIR)/vitrine.service"

# Removes what install wrote, then the folders it made that are now empty.
uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/vitrine" \
		"$(DESTDIR)$(MANDIR)/man1/vitrine.1" \
		"$(DESTDIR)$(UNITDIR)/vitrine.service"
	rm -f $(INSTALL_FONTS:assets/fonts/%="$(DESTDIR)$(DATADIR)/fonts/%") \
		$(INSTALL_SLIDES:slides/%="$(DESTDIR)$(DATADIR)/slides/%")
	-rmdir "$(DESTDIR)$(DATADIR)/fonts" "$(DESTDIR)$(DATADIR)/slides" \
		"$(DESTDIR)$(DATADIR)" 2>/dev/null
