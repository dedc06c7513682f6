#!/usr/bin/env python3
"""A synthetic COCO dataset for `bench --coco`: 3,000 images, 80 categories, about 7 objects an image, and 60,000
detections (20 an image: jittered copies of the objects, duplicates and false positives, scores with ties).

    /usr/bin/python3 bench/coco/make_synthetic.py OUT_DIR [--segm]    (numpy only; --segm needs pycocotools)

writes OUT_DIR/gt.json and OUT_DIR/dt.json. With --segm the objects are polygons and the results compressed RLEs
(made with pycocotools' mask.encode, so run it with the oracle on PYTHONPATH: see make_cases.py).
"""
import json, os, sys
import numpy as np

IMAGES, CATEGORIES, DETECTIONS = 3000, 80, 60000


def main():
    out, segm = sys.argv[1], "--segm" in sys.argv
    rng = np.random.default_rng(2026)
    if segm:
        import pycocotools.mask as mu
    images = [{"id": int(i), "width": int(rng.integers(320, 640)), "height": int(rng.integers(240, 480)),
               "file_name": "%012d.jpg" % i} for i in rng.choice(10 ** 6, IMAGES, replace=False)]
    categories = [{"id": int(c), "name": "c%d" % c} for c in sorted(rng.choice(200, CATEGORIES, replace=False))]
    cat_ids = [c["id"] for c in categories]
    anns, results = [], []
    per_image = DETECTIONS // IMAGES
    for img in images:
        w, h = img["width"], img["height"]
        objects = []
        for _ in range(int(rng.integers(2, 13))):
            bw, bh = float(rng.choice([rng.uniform(4, 30), rng.uniform(30, 100), rng.uniform(100, 300)])), 0.0
            bh = float(np.clip(bw * rng.uniform(0.5, 2), 3, h - 1))
            bw = min(bw, w - 1)
            x, y = float(rng.uniform(0, w - bw)), float(rng.uniform(0, h - bh))
            cat = int(rng.choice(cat_ids[:60]))
            crowd = int(rng.random() < 0.03)
            ann = {"id": len(anns) + 1, "image_id": img["id"], "category_id": cat, "iscrowd": crowd,
                   "area": bw * bh * 0.8, "bbox": [x, y, bw, bh]}
            if segm:
                ann["segmentation"] = [ellipse(rng, x, y, bw, bh)]
                if crowd:
                    rle = mu.merge(mu.frPyObjects(ann["segmentation"], h, w))
                    ann["segmentation"] = {"size": [h, w], "counts": rle["counts"].decode("ascii")}
            anns.append(ann)
            objects.append(ann)
        for k in range(per_image):
            if objects and rng.random() < 0.7:
                o = objects[int(rng.integers(0, len(objects)))]
                x, y, bw, bh = o["bbox"]
                s = rng.normal(0, 0.1, 4)
                box = [x + s[0] * bw, y + s[1] * bh, bw * (1 + s[2]), bh * (1 + s[3])]
                cat = o["category_id"] if rng.random() < 0.9 else int(rng.choice(cat_ids))
            else:
                bw = float(rng.uniform(5, 200))
                box = [float(rng.uniform(0, w - 5)), float(rng.uniform(0, h - 5)), bw, bw * float(rng.uniform(0.5, 2))]
                cat = int(rng.choice(cat_ids))
            box = [float(v) for v in box]
            box[2], box[3] = max(box[2], 1.0), max(box[3], 1.0)
            score = float(round(rng.random(), 2))
            r = {"image_id": img["id"], "category_id": cat, "score": score}
            if segm:
                rle = mu.merge(mu.frPyObjects([ellipse(rng, *box)], h, w))
                r["segmentation"] = {"size": [h, w], "counts": rle["counts"].decode("ascii")}
            else:
                r["bbox"] = box
            results.append(r)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "gt.json"), "w") as f:
        json.dump({"images": images, "categories": categories, "annotations": anns}, f)
    with open(os.path.join(out, "dt.json"), "w") as f:
        json.dump(results, f)
    print(len(images), "images,", len(anns), "annotations,", len(results), "results")


def ellipse(rng, x, y, w, h, points=16):
    a = np.linspace(0, 2 * np.pi, points, endpoint=False) + rng.uniform(0, 1)
    return [float(v) for t in a for v in (x + w / 2 * (1 + np.cos(t)), y + h / 2 * (1 + np.sin(t)))]


if __name__ == "__main__":
    main()
