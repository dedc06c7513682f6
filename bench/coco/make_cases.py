#!/usr/bin/env python3
"""Random small COCO datasets with the official pycocotools' answers, for CocoEvaluationTest and CocoMasksTest.

How it was run (from the repository root; the oracle is ../shared/oracles/cocoapi, built by its build.sh):
    P=$(../shared/oracles/cocoapi/build.sh)
    PYTHONPATH=$P /usr/bin/python3 bench/coco/make_cases.py src/test/resources/coco 1 2 3 4 5 6 7 8
    PYTHONPATH=$P /usr/bin/python3 bench/coco/make_cases.py src/test/resources/coco --masks-of \
        src/test/resources/gold/v3/coco-segm coco-segm

Each seed gives one dataset in one of four variants (seed % 4), written to OUT/cases/rNN-VARIANT-bbox|segm/:
  0 bbox results only (bbox eval)          1 compressed-RLE results without bbox (segm eval: loadRes's mask branch)
  2 bbox + mixed segmentations (segm eval: polygons, uncompressed and compressed RLE, some results without one)
  3 compressed-RLE results without bbox evaluated as bbox (boxes and areas from the masks)
with gt.json, dt.json and expected.json ({stats, per_category, lines}: COCOeval's stats, the contract's per-category
AP/AP50/AP75, summarize()'s printed lines). The datasets have crowd regions (uncompressed RLE), objects in every area
range, images without objects, a category nobody annotated, a category without detections, tied scores, more than
100 detections on one image, polygons of several parts and partly outside the image, results on a category the
ground truth does not list, and (seed 5) a ground-truth id 0. For segm datasets OUT/masks/NAME.json records
maskApi's view of every object after COCOeval's preparation (the RLE string, area, toBbox) and the IoU matrix
COCOeval computed for each (image, category).
"""
import contextlib, io, json, os, sys
import numpy as np
if not hasattr(np, "float"):
    np.float = float  # the 2017 cocoeval.py uses the alias numpy removed
from pycocotools.coco import COCO
from pycocotools.cocoeval import COCOeval
import pycocotools.mask as mu

VARIANTS = ["bbox", "rle", "mixed", "rlebox"]


def polygon(rng, cx, cy, r, points=None):
    k = points or int(rng.integers(3, 13))
    angles = np.sort(rng.uniform(0, 2 * np.pi, k))
    radii = r * rng.uniform(0.5, 1.0, k)
    return [float(v) for a, q in zip(angles, radii) for v in (cx + q * np.cos(a), cy + q * np.sin(a))]


def blob(rng, w, h, radius):
    cx, cy = rng.uniform(-0.1 * w, 1.1 * w), rng.uniform(-0.1 * h, 1.1 * h)
    parts = [polygon(rng, cx, cy, radius)]
    while rng.random() < 0.3:
        parts.append(polygon(rng, cx + rng.normal(0, radius), cy + rng.normal(0, radius), radius * 0.5))
    return parts


def rle_of(parts, h, w):
    return mu.merge(mu.frPyObjects(parts, h, w))


def text(rle):
    return {"size": rle["size"], "counts": rle["counts"].decode("ascii")}


def uncompressed(rle):
    m = mu.decode(rle).flatten(order="F")
    counts, value, run = [], 0, 0
    for v in m:
        if v != value:
            counts.append(run); run = 0; value = v
        run += 1
    counts.append(run)
    return {"size": rle["size"], "counts": counts}


def make(seed):
    rng = np.random.default_rng(seed)
    variant = VARIANTS[seed % 4]
    n_images = int(rng.integers(8, 14))
    image_ids = sorted(rng.choice(5000, n_images, replace=False).tolist())
    images = [{"id": i, "width": int(rng.integers(60, 260)), "height": int(rng.integers(60, 260))} for i in image_ids]
    cat_ids = sorted(rng.choice(90, 6, replace=False).tolist())
    categories = [{"id": c, "name": "c%d" % c} for c in cat_ids]
    unannotated, undetected = cat_ids[-1], cat_ids[0]
    anns, ann_id = [], int(rng.integers(0, 3)) if seed == 5 else 1
    empty = set(rng.choice(image_ids, 2, replace=False).tolist())
    for img in images:
        if img["id"] in empty:
            continue
        w, h = img["width"], img["height"]
        for _ in range(int(rng.integers(1, 9))):
            cat = int(rng.choice(cat_ids[:-1]))
            radius = float(rng.choice([rng.uniform(3, 15), rng.uniform(18, 50), rng.uniform(55, 120)]))
            parts = blob(rng, w, h, radius)
            rle = rle_of(parts, h, w)
            area = float(mu.area(rle))
            if area == 0:
                continue
            crowd = rng.random() < 0.1
            kind = rng.random()
            if crowd:
                segmentation = uncompressed(rle)
            elif kind < 0.15:
                segmentation = text(rle)
            else:
                segmentation = parts
            box = [float(v) for v in mu.toBbox(rle)]
            anns.append({"id": ann_id, "image_id": img["id"], "category_id": cat, "iscrowd": int(crowd),
                         "area": area * float(rng.choice([1.0, rng.uniform(0.8, 1.2)])), "bbox": box,
                         "segmentation": segmentation, "_parts": parts})
            ann_id += int(rng.integers(1, 4))
    results = []
    for a in anns:
        if a["category_id"] == undetected:
            continue
        img = next(i for i in images if i["id"] == a["image_id"])
        for _ in range(int(rng.integers(0, 4))):
            shift = rng.normal(0, 0.15 * np.sqrt(a["area"]) + 0.5, 2)
            parts = [[v + shift[j % 2] for j, v in enumerate(p)] for p in a["_parts"]]
            results.append(result(rng, img, a["category_id"], parts, variant))
    for img in images:  # false positives, one category not in the ground truth, a crowded image
        for _ in range(int(rng.integers(0, 6))):
            cat = int(rng.choice(cat_ids[1:] + [999]))
            results.append(result(rng, img, cat, blob(rng, img["width"], img["height"], rng.uniform(4, 60)), variant))
    crowded = images[int(rng.integers(0, len(images)))]
    for _ in range(130):
        results.append(result(rng, crowded, cat_ids[1], blob(rng, crowded["width"], crowded["height"], 12), variant))
    rng.shuffle(results)
    for a in anns:
        del a["_parts"]
    gt = {"info": {"description": "make_cases.py seed %d" % seed}, "images": images, "categories": categories,
          "annotations": anns}
    return variant, gt, [r for r in results if r is not None]


def result(rng, img, cat, parts, variant):
    h, w = img["height"], img["width"]
    rle = rle_of(parts, h, w)
    if mu.area(rle) == 0:
        return None
    score = float(round(rng.random(), 1)) if rng.random() < 0.4 else float(rng.random())
    r = {"image_id": img["id"], "category_id": cat, "score": score}
    box = [float(v) + float(rng.normal(0, 1)) for v in mu.toBbox(rle)]
    box[2], box[3] = max(box[2], 0.5), max(box[3], 0.5)
    if variant == "bbox":
        r["bbox"] = box
    elif variant in ("rle", "rlebox"):
        r["segmentation"] = text(rle)
    else:
        r["bbox"] = box
        kind = rng.random()
        if kind < 0.3:
            r["segmentation"] = parts
        elif kind < 0.5:
            r["segmentation"] = uncompressed(rle)
        elif kind < 0.85:
            r["segmentation"] = text(rle)
    return r


def evaluate(gt_file, dt_file, iou_type):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        G = COCO(gt_file)
        D = G.loadRes(dt_file)
        E = COCOeval(G, D, iou_type)
        E.evaluate(); E.accumulate()
    lines = io.StringIO()
    with contextlib.redirect_stdout(lines):
        E.summarize()
    p = E.eval["precision"]

    def mean(x):
        x = x[x > -1]
        return float(np.mean(x)) if x.size else None
    per = [{"category_id": int(c), "ap": mean(p[:, :, k, 0, -1]), "ap50": mean(p[0, :, k, 0, -1]),
            "ap75": mean(p[5, :, k, 0, -1])} for k, c in enumerate(E.params.catIds)]
    expected = {"stats": [float(s) for s in E.stats], "per_category": per,
                "lines": lines.getvalue().rstrip("\n").split("\n")}
    return expected, G, D, E


def masks_record(G, D, E):
    def objects(coco):
        out = []
        for a in coco.dataset["annotations"]:
            if not isinstance(a["segmentation"], dict) or isinstance(a["segmentation"]["counts"], list):
                continue  # not evaluated (not prepared by COCOeval)
            rle = a["segmentation"]
            counts = rle["counts"].decode("ascii") if isinstance(rle["counts"], bytes) else rle["counts"]
            out.append({"id": a["id"], "size": rle["size"], "counts": counts, "area": int(mu.area(rle)),
                        "bbox": [float(v) for v in mu.toBbox(rle)]})
        return out
    ious = []
    for (img, cat), m in E.ious.items():
        if len(m) == 0:
            continue
        dts = sorted(E._dts[img, cat], key=lambda d: -d["score"])  # stable, as COCOeval's mergesort
        ious.append({"image_id": int(img), "category_id": int(cat), "dt_ids": [d["id"] for d in dts[:100]],
                     "gt_ids": [g["id"] for g in E._gts[img, cat]], "iou": np.asarray(m).tolist()})
    return {"gt": objects(G), "dt": objects(D), "ious": ious}


def main():
    out = sys.argv[1]
    if sys.argv[2] == "--masks-of":  # the masks of a given segm dataset: --masks-of FOLDER NAME
        expected, G, D, E = evaluate(os.path.join(sys.argv[3], "gt.json"), os.path.join(sys.argv[3], "dt.json"), "segm")
        with open(os.path.join(out, "masks", sys.argv[4] + ".json"), "w") as f:
            json.dump(masks_record(G, D, E), f)
        return
    for seed in [int(s) for s in sys.argv[2:]]:
        variant, gt, dt = make(seed)
        iou_type = "bbox" if variant in ("bbox", "rlebox") else "segm"
        name = "r%02d-%s-%s" % (seed, variant, iou_type)
        folder = os.path.join(out, "cases", name)
        os.makedirs(folder, exist_ok=True)
        for file, doc in (("gt.json", gt), ("dt.json", dt)):
            with open(os.path.join(folder, file), "w") as f:
                json.dump(doc, f)
        expected, G, D, E = evaluate(os.path.join(folder, "gt.json"), os.path.join(folder, "dt.json"), iou_type)
        with open(os.path.join(folder, "expected.json"), "w") as f:
            json.dump(expected, f, indent=1)
        if iou_type == "segm":
            os.makedirs(os.path.join(out, "masks"), exist_ok=True)
            with open(os.path.join(out, "masks", name + ".json"), "w") as f:
                json.dump(masks_record(G, D, E), f)
        print(name, len(gt["annotations"]), "annotations,", len(dt), "results, AP", expected["stats"][0])


if __name__ == "__main__":
    main()
