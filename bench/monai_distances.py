#!/usr/bin/env python3
"""MONAI's side of SurfaceMetricsBenchmark: for every case of DIR (labels/, predictions/, NIfTI) and class 1..N,
compute_hausdorff_distance (max and percentile=95), compute_average_surface_distance(symmetric=True) and
compute_surface_dice([TOL]) with the header's spacing, in this one process (one thread: torch.set_num_threads(1)),
timing only these calls (the volumes are read and made into tensors first). Prints one JSON object:
{"seconds": wall, "cpu_seconds": process CPU, "values": {"case_000": {"1": [hd, hd95, assd, nsd], ...}}}.
    PYTHONPATH=/tmp/monai-src /usr/bin/python3 bench/monai_distances.py DIR TOL"""
import glob, json, os, sys, time, warnings
import numpy as np, nibabel as nib, torch
from monai.metrics import compute_hausdorff_distance, compute_average_surface_distance, compute_surface_dice

warnings.filterwarnings("ignore")
torch.set_num_threads(1)
d, tol = sys.argv[1], float(sys.argv[2])
work = []
for lab in sorted(glob.glob(os.path.join(d, "labels", "*.nii*"))):
    stem = os.path.basename(lab).split(".")[0]
    g, p = nib.load(lab), nib.load(glob.glob(os.path.join(d, "predictions", stem + ".nii*"))[0])
    sp = [float(z) for z in g.header.get_zooms()[:3]]
    G, P = np.asarray(g.dataobj), np.asarray(p.dataobj)
    for c in range(1, int(max(G.max(), P.max())) + 1):
        work.append((stem, c, sp, torch.tensor((P == c)[None, None].astype(np.float32)),
                     torch.tensor((G == c)[None, None].astype(np.float32))))
values = {}
start, cpu = time.perf_counter(), time.process_time()
for stem, c, sp, yp, yy in work:
    values.setdefault(stem, {})[str(c)] = [
        compute_hausdorff_distance(yp, yy, spacing=sp).item(),
        compute_hausdorff_distance(yp, yy, percentile=95, spacing=sp).item(),
        compute_average_surface_distance(yp, yy, symmetric=True, spacing=sp).item(),
        compute_surface_dice(yp, yy, [tol], spacing=sp).item()]
print(json.dumps({"seconds": time.perf_counter() - start, "cpu_seconds": time.process_time() - cpu, "values": values}))
