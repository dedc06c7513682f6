#!/usr/bin/python3
"""Writes the bundled dataset of the lesson "Why did my AP barely move?" (assets/coco/).

gt.json: 30 small images (192x144) with 3 categories, one crowd region; images/: each image drawn (its objects
as filled shapes), so the dataset view can show them. Three detectors' results, each the same good detector with
one kind of error added:
  duplicates.json   every object found, plus a second, lower-scored box on most of them;
  localisation.json every object found, but the boxes off by a quarter of their size (IoU about 0.55 to 0.7);
  misses.json       well-placed boxes, but a third of the objects never found.
Deterministic (seeded): running it again writes the same files.  Run: /usr/bin/python3 assets/coco/generate.py
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
W, H = 192, 144
CATEGORIES = [{"id": 1, "name": "person"}, {"id": 2, "name": "car"}, {"id": 3, "name": "dog"}]
COLOURS = {1: (220, 90, 80), 2: (80, 130, 220), 3: (200, 170, 60)}


def clip(box):
    x, y, w, h = box
    x = max(0.0, min(x, W - 2))
    y = max(0.0, min(y, H - 2))
    return [round(x, 2), round(y, 2), round(min(w, W - x), 2), round(min(h, H - y), 2)]


def jitter(rng, box, amount):
    x, y, w, h = box
    return clip([x + rng.uniform(-amount, amount) * w, y + rng.uniform(-amount, amount) * h,
                 w * (1 + rng.uniform(-amount, amount)), h * (1 + rng.uniform(-amount, amount))])


def ground_truth(rng):
    images, annotations = [], []
    for i in range(1, 31):
        images.append({"id": i, "file_name": "img%02d.png" % i, "width": W, "height": H})
        for _ in range(rng.randint(1, 4)):
            w, h = rng.uniform(14, 80), rng.uniform(14, 70)
            box = clip([rng.uniform(0, W - w), rng.uniform(0, H - h), w, h])
            annotations.append({"id": len(annotations) + 1, "image_id": i, "category_id": rng.choice([1, 2, 3]),
                                "bbox": box, "area": round(box[2] * box[3], 2), "iscrowd": 0})
    # a crowd of people on image 3: detections inside it are neither right nor wrong
    crowd = [100.0, 70.0, 88.0, 70.0]
    annotations.append({"id": len(annotations) + 1, "image_id": 3, "category_id": 1, "bbox": crowd,
                        "area": crowd[2] * crowd[3], "iscrowd": 1})
    return {"images": images, "categories": CATEGORIES, "annotations": annotations}


def detector(gt, seed, kind):
    rng = random.Random(seed)
    results = []
    for a in gt["annotations"]:
        if a["iscrowd"]:
            continue
        if kind == "misses" and rng.random() < 0.33:
            continue
        amount = 0.16 if kind == "localisation" else 0.04
        score = round(rng.uniform(0.5, 0.98), 3)
        results.append({"image_id": a["image_id"], "category_id": a["category_id"],
                        "bbox": jitter(rng, a["bbox"], amount), "score": score})
        if kind == "duplicates" and rng.random() < 0.8:
            results.append({"image_id": a["image_id"], "category_id": a["category_id"],
                            "bbox": jitter(rng, a["bbox"], 0.05), "score": round(score * rng.uniform(0.6, 0.95), 3)})
    # the same few false alarms in every detector, and two boxes in the crowd (ignored by COCO's rules)
    alarms = random.Random(99)
    for image in range(1, 31, 4):
        results.append({"image_id": image, "category_id": alarms.choice([1, 2, 3]),
                        "bbox": clip([alarms.uniform(0, 150), alarms.uniform(0, 100), 30, 30]),
                        "score": round(alarms.uniform(0.3, 0.7), 3)})
    results.append({"image_id": 3, "category_id": 1, "bbox": [110.0, 80.0, 20.0, 40.0], "score": 0.8})
    results.append({"image_id": 3, "category_id": 1, "bbox": [150.0, 85.0, 18.0, 38.0], "score": 0.75})
    return results


def draw(gt):
    from PIL import Image, ImageDraw
    os.makedirs(os.path.join(HERE, "images"), exist_ok=True)
    for image in gt["images"]:
        canvas = Image.new("RGB", (W, H), (58, 62, 66))
        pen = ImageDraw.Draw(canvas)
        for a in gt["annotations"]:
            if a["image_id"] == image["id"]:
                x, y, w, h = a["bbox"]
                shape = pen.ellipse if a["category_id"] == 3 else pen.rectangle
                shape([x, y, x + w, y + h], fill=COLOURS[a["category_id"]] if not a["iscrowd"] else (120, 110, 100))
        canvas.save(os.path.join(HERE, "images", image["file_name"]), optimize=True)


def write(name, value):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(value, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    gt = ground_truth(random.Random(27))
    write("gt.json", gt)
    for seed, kind in enumerate(["duplicates", "localisation", "misses"]):
        write(kind + ".json", detector(gt, 100 + seed, kind))
    draw(gt)
