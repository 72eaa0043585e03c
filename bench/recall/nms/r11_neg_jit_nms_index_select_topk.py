"""Per-image box NMS with a TorchScript helper, as in detectors that export
their post-processing with `torch.jit.script` (YOLO-style and RetinaNet-style
`postprocess` modules): the scripted greedy NMS returns the kept indices, the
rows are gathered with `index_select` (a copy holding only the kept boxes) and
the first `max_det` of them, by score, are returned per image.  The slice
`kept[:max_det]` is a view, but of the small gathered tensor, not of the
image's candidate table: nothing large stays alive."""
import torch


@torch.jit.script
def greedy_nms(boxes: torch.Tensor, scores: torch.Tensor, thr: float) -> torch.Tensor:
    order = torch.argsort(scores, descending=True)
    x1, y1, x2, y2 = boxes[:, 0], boxes[:, 1], boxes[:, 2], boxes[:, 3]
    areas = (x2 - x1) * (y2 - y1)
    keep = []
    while order.numel() > 0:
        i = order[0]
        keep.append(i)
        if order.numel() == 1:
            break
        rest = order[1:]
        xx1 = torch.maximum(x1[rest], x1[i])
        yy1 = torch.maximum(y1[rest], y1[i])
        xx2 = torch.minimum(x2[rest], x2[i])
        yy2 = torch.minimum(y2[rest], y2[i])
        inter = (xx2 - xx1).clamp(min=0) * (yy2 - yy1).clamp(min=0)
        iou = inter / (areas[i] + areas[rest] - inter)
        order = rest[iou <= thr]
    return torch.stack(keep)


def candidates(gen, n=60000, n_keep_region=150):
    xy = torch.rand(n, 2, generator=gen) * 1000.0
    wh = torch.rand(n, 2, generator=gen) * 20.0 + 4.0
    scores = torch.rand(n, generator=gen)
    table = torch.cat([xy, xy + wh, scores[:, None], torch.zeros(n, 3)], dim=1)
    # only confident candidates go to NMS
    return table[scores > 1.0 - n_keep_region / n]


def postprocess(table, max_det=100, thr=0.3):
    keep = greedy_nms(table[:, :4], table[:, 4], thr)
    kept = table.index_select(0, keep)
    kept = kept[kept[:, 4].argsort(descending=True)]
    return kept[:max_det]


def scenario():
    gen = torch.Generator().manual_seed(0)
    per_image = []
    for _ in range(10):
        table = candidates(gen)
        per_image.append(postprocess(table))
    return per_image
