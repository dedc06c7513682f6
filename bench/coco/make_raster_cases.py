#!/usr/bin/env python3
"""Random polygons and RLEs with maskApi's answers, for PolygonRasterTest: polygons of 3 to 11 points on images of
1 to 79 pixels a side (anywhere, partly outside, on the half-pixel grid where crossings tie, on the 5x grid, star
shapes), each with the compressed RLE frPyObjects gives; and random run lists (first runs of 0, runs over several
columns) with the box toBbox gives.
    P=$(../shared/oracles/cocoapi/build.sh)
    PYTHONPATH=$P /usr/bin/python3 bench/coco/make_raster_cases.py src/test/resources/coco/raster.json
"""
import json, sys
import numpy as np
import pycocotools.mask as mu

rng = np.random.default_rng(27)
polygons, rles = [], []
for i in range(1200):
    h, w = int(rng.integers(1, 80)), int(rng.integers(1, 80))
    k = int(rng.integers(3, 12))
    kind = i % 4
    if kind == 0:
        pts = rng.uniform(-20, max(h, w) + 20, 2 * k)
    elif kind == 1:
        pts = np.round(rng.uniform(-3, max(h, w) + 3, 2 * k) * 2) / 2
    elif kind == 2:
        pts = np.round(rng.uniform(0, max(h, w), 2 * k) * 5) / 5 + 0.1
    else:
        a = np.sort(rng.uniform(0, 2 * np.pi, k))
        r = rng.uniform(1, max(h, w) / 2, k)
        pts = np.stack([w / 2 + r * np.cos(a), h / 2 + r * np.sin(a)], 1).ravel()
    pts = [round(float(v), 6) for v in pts]
    polygons.append({"h": h, "w": w, "xy": pts, "counts": mu.frPyObjects([pts], h, w)[0]["counts"].decode()})
for i in range(600):
    h, w = int(rng.integers(1, 40)), int(rng.integers(1, 40))
    left, counts = h * w, []
    while left > 0:
        c = 0 if rng.random() < 0.15 else int(rng.integers(1, max(2, left // 2 + 2)))
        c = min(c, left)
        counts.append(c)
        left -= c
    rle = mu.frPyObjects({"counts": counts, "size": [h, w]}, h, w)
    rles.append({"h": h, "w": w, "counts": counts, "bbox": [float(v) for v in mu.toBbox(rle)]})
with open(sys.argv[1], "w") as f:
    json.dump({"polygons": polygons, "rles": rles}, f)
print(len(polygons), "polygons,", len(rles), "run lists")
