"""Records torch's float64 values and autograd gradients of mae_prob (cross-entropy without the log) for
ProbabilityMaeLossTest. Run with Debian's python3-torch:  /usr/bin/python3 reference.py > torch-float64.json

mae_prob per element of a sigmoid scene: torch.nn.functional.l1_loss(sigmoid(z), t, reduction="none");
per pixel of a softmax scene: half the sum over classes of l1_loss(softmax(z), one_hot(t)).
Ignored pixels are left out; "mean" is over the valid elements (sigmoid) or pixels (softmax)."""
import json
import torch
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
IGNORE = 255


def mae_prob(mode, z, target, ignore_index, reduction):
    if mode == "multiclass":
        c = z.shape[0]
        valid = torch.ones_like(target, dtype=torch.bool) if ignore_index is None else target != ignore_index
        safe = torch.where(valid, target, torch.zeros_like(target))
        one_hot = F.one_hot(safe, c).permute(2, 0, 1).to(z.dtype)
        per_pixel = 0.5 * F.l1_loss(torch.softmax(z, dim=0), one_hot, reduction="none").sum(0)
    else:
        valid = torch.ones_like(target, dtype=torch.bool) if ignore_index is None else target != ignore_index
        safe = torch.where(valid, target, torch.zeros_like(target)).to(z.dtype)
        per_pixel = F.l1_loss(torch.sigmoid(z), safe, reduction="none")
    per_pixel = torch.where(valid, per_pixel, torch.zeros_like(per_pixel))
    if reduction == "none":
        return per_pixel
    if reduction == "sum":
        return per_pixel.sum()
    return per_pixel.sum() / valid.sum()


def case(g, mode, c, h, w, ignored, extremes, empty, reduction):
    z = torch.randn(c, h, w, generator=g) * 3
    if extremes:
        pick = torch.rand(c, h, w, generator=g) < 0.2
        z = torch.where(pick, torch.sign(z) * 1000, z)
    if mode == "multiclass":
        target = torch.randint(0, c, (h, w), generator=g)
    else:
        shape = (c, h, w)
        target = torch.randint(0, 2, shape, generator=g)
    if empty:
        target = torch.zeros_like(target)
    ignore_index = None
    if ignored:
        ignore_index = IGNORE
        target = torch.where(torch.rand(target.shape, generator=g) < 0.25, torch.full_like(target, IGNORE), target)
        target.view(-1)[0] = 0 if mode != "multiclass" else 1  # at least one pixel counts
    z.requires_grad_(True)
    value = mae_prob(mode, z, target, ignore_index, reduction)
    value.sum().backward()
    params = {"reduction": reduction}
    if ignore_index is not None:
        params["ignore_index"] = ignore_index
    return {"mode": mode, "shape": [c, h, w], "logits": z.detach().flatten().tolist(),
            "target": target.flatten().tolist(), "params": params,
            "values": value.detach().flatten().tolist(), "gradient": z.grad.flatten().tolist()}


def main():
    g = torch.Generator().manual_seed(28)
    cases = []
    plan = [("binary", 1), ("multiclass", 3), ("multiclass", 2), ("multilabel", 2)]
    k = 0
    for mode, c in plan:
        for ignored in (False, True):
            for extremes in (False, True):
                reduction = ("mean", "sum", "none")[k % 3]
                k += 1
                cases.append(case(g, mode, c, 3 + k % 3, 4, ignored, extremes, False, reduction))
        cases.append(case(g, mode, c, 2, 3, False, False, True, "mean"))
        cases.append(case(g, mode, c, 1, 1, False, False, False, "mean"))
    print(json.dumps({"source": "src/test/resources/mae_prob/reference.py, torch " + torch.__version__ + " float64",
                      "cases": cases}, indent=1))


main()
