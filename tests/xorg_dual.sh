# xorg_dual.sh: sourced by the tests that need two displays (Xvfb gives
# SDL only one). dual_xorg starts Xorg's dummy driver on a free display
# with two outputs, DUMMY0 at 1920x1080 and DUMMY1 at 1280x720 to its
# right, and exports DISPLAY. Needs root, xserver-xorg-core,
# xserver-xorg-video-dummy and xrandr; uses $tmp and adds Xorg to $pids.
dual_xorg() { # starts Xorg on a free display with DUMMY0 and DUMMY1 on
	mkdir -p "$tmp/xorg.d"
	printf '%s\n' 'Section "Device"' 'Identifier "d"' 'Driver "dummy"' \
		'VideoRam 512000' 'EndSection' 'Section "Monitor"' \
		'Identifier "m"' 'HorizSync 5.0-1000.0' 'VertRefresh 5.0-200.0' \
		'EndSection' 'Section "Screen"' 'Identifier "s"' 'Device "d"' \
		'Monitor "m"' 'DefaultDepth 24' 'SubSection "Display"' \
		'Depth 24' 'Virtual 7680 2160' 'EndSubSection' 'EndSection' \
		'Section "ServerFlags"' 'Option "AutoAddDevices" "false"' \
		'EndSection' >"$tmp/xorg.conf"
	: >"$tmp/display"
	Xorg -displayfd 3 -config "$tmp/xorg.conf" -configdir "$tmp/xorg.d" \
		-noreset -nolisten tcp -logfile "$tmp/xorg.log" \
		3>"$tmp/display" >/dev/null 2>&1 &
	pids="$pids $!"
	for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.1; done
	DISPLAY=":$(cat "$tmp/display")"
	export DISPLAY
	# SDL 2.26 reads the outputs without probing them: it sees DUMMY1 only
	# after a query that probes (plain xrandr) has run since it was set
	xrandr --output DUMMY0 --mode 1920x1080 &&
		xrandr --addmode DUMMY1 1280x720 &&
		xrandr --output DUMMY1 --mode 1280x720 --right-of DUMMY0 &&
		xrandr >/dev/null
}
