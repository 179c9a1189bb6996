#!/usr/bin/env python3
"""exif_orient.py IN.jpg OUT.jpg N|garbage: writes IN with an EXIF APP1
segment right after its SOI saying Orientation N (1 to 8, or any number for
the out-of-range cases), as a phone does; "garbage" writes an APP1 that
starts "Exif" and then is noise (a broken EXIF block a camera can make).
ImageMagick's -orient writes no EXIF to a JPEG, so the tests make it here.
"""
import random
import struct
import sys

src, dst, what = sys.argv[1], sys.argv[2], sys.argv[3]
data = open(src, "rb").read()
assert data[:2] == b"\xff\xd8", "not a JPEG"
if what == "garbage":
    rnd = random.Random(16)
    body = b"Exif\0\0" + bytes(rnd.randrange(256) for _ in range(300))
else:
    tiff = (b"II*\0" + struct.pack("<I", 8) + struct.pack("<H", 1)
            + struct.pack("<HHIHH", 0x0112, 3, 1, int(what), 0)
            + struct.pack("<I", 0))
    body = b"Exif\0\0" + tiff
app1 = b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body
open(dst, "wb").write(data[:2] + app1 + data[2:])
