#!/usr/bin/env python3
"""MONAI's side of `bench --audit`: ../shared/perf/monai_audit.py's work, unchanged, with its numbers kept.
It loads that script as a module and maps its own `one` over a multiprocessing Pool of PROCESSES, exactly as its
__main__ does (every case read with nibabel, per class MONAI's compute_dice, compute_hausdorff_distance (max and
95th), compute_average_surface_distance(symmetric=True) and compute_surface_dice with the header's spacing), then
writes each case's numbers to OUT.json, so that the bench can check them against LossLab's, and prints the same
`cases= seconds=` line. MONAI's source comes from MONAI_SRC, as monai_audit.py reads it.
    MONAI_SRC=/tmp/monai-src /usr/bin/python3 bench/monai_audit_values.py MONAI_AUDIT.py DIR TOLERANCE PROCESSES OUT.json"""
import glob, importlib.util, json, math, os, sys, time

t0 = time.perf_counter()


def load(script):
    spec = importlib.util.spec_from_file_location("monai_audit", script)
    module = importlib.util.module_from_spec(spec)
    sys.modules["monai_audit"] = module  # the pool's workers (forked) find `one` under this name
    spec.loader.exec_module(module)
    return module


def number(v):
    return v if math.isfinite(v) else ("nan" if math.isnan(v) else ("inf" if v > 0 else "-inf"))


if __name__ == "__main__":
    script, d, tol, n, out = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    audit = load(script)
    labs = sorted(glob.glob(os.path.join(d, "labels", "*.nii*")))
    jobs, stems = [], []
    for lab in labs:
        stem = os.path.basename(lab).split(".")[0]
        stems.append(stem)
        jobs.append((lab, glob.glob(os.path.join(d, "predictions", stem + ".nii*"))[0], tol))
    with audit.Pool(n) as pool:
        res = pool.map(audit.one, jobs)
    values = {stem: {str(c + 1): [number(v) for v in numbers] for c, numbers in enumerate(case)}
              for stem, case in zip(stems, res)}
    with open(out, "w") as f:
        json.dump({"keys": ["dice", "hd", "hd95", "assd", "nsd"], "cases": values}, f)
    print(f"cases={len(res)} seconds={time.perf_counter() - t0:.2f}")
