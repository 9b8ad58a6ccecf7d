#!/usr/bin/python3
"""Writes matplotlib's 256-entry colour tables (viridis, magma, inferno, gray and, for white backgrounds, gray_r, Greys, Blues, cividis) ONCE, not run by the build.

    apt-get install python3-matplotlib
    /usr/bin/python3 src/test/resources/scipy/generate_colormaps.py
"""
import os
import matplotlib
from matplotlib import colormaps

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..")
OUT = os.path.join(ROOT, "src", "main", "resources", "org", "echoic", "dsp", "colormaps.txt")

with open(OUT, "w") as f:
    f.write("# matplotlib %s colormaps, 256 entries each as RRGGBB as Colormap(bytes=True) gives them; "
            "written by src/test/resources/scipy/generate_colormaps.py\n" % matplotlib.__version__)
    for name in ["viridis", "magma", "inferno", "gray", "gray_r", "Greys", "Blues", "cividis"]:
        rgba = colormaps[name].resampled(256)(range(256), bytes=True)
        f.write(name + " " + " ".join("%02x%02x%02x" % (r, g, b) for r, g, b, _ in rgba) + "\n")
