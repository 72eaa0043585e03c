"""Anchor-free (FCOS-style) decoding in PyTorch, after the `FCOSPostProcessor`
classes of detection repositories: for every pyramid level the head gives a
class map and an (l, t, r, b) distance map; the decoder turns the distances
into a full `(H, W, 4)` box map with `torch.stack`, thresholds the class scores
with `torch.where`, takes the candidates with `torch.nonzero(..., as_tuple=True)`
(advanced indexing: copies), and also keeps, per level, the box at the
strongest location for the level statistics shown in the demo:
`level_peaks[level].append(boxes[y, x])`.  `boxes[y, x]` is a 4-element view of
that level's whole new box map: each one pins its full map."""
import torch


class FakeFCOSHead:
    def __init__(self, num_classes=4, strides=(8, 16, 32, 64, 128)):
        self.num_classes = num_classes
        self.strides = strides

    def __call__(self, image_size, seed):
        g = torch.Generator().manual_seed(seed)
        outs = []
        for s in self.strides:
            h = w = image_size // s
            outs.append((torch.randn(self.num_classes, h, w, generator=g),
                         torch.rand(4, h, w, generator=g) * 4 * s))
        return outs


def grid_points(h, w, stride):
    ys = (torch.arange(h, dtype=torch.float32) + 0.5) * stride
    xs = (torch.arange(w, dtype=torch.float32) + 0.5) * stride
    return torch.meshgrid(ys, xs, indexing="ij")


def decode_image(outs, strides, level_peaks, score_thresh=0.9):
    detections = []
    for level, ((cls_map, ltrb), stride) in enumerate(zip(outs, strides)):
        h, w = cls_map.shape[1:]
        cy, cx = grid_points(h, w, stride)
        boxes = torch.stack([cx - ltrb[0], cy - ltrb[1], cx + ltrb[2], cy + ltrb[3]], dim=-1)
        scores, labels = cls_map.sigmoid().max(dim=0)
        scores = torch.where(scores > score_thresh, scores, torch.zeros_like(scores))
        ys, xs = torch.nonzero(scores, as_tuple=True)
        detections.append((boxes[ys, xs], scores[ys, xs], labels[ys, xs]))
        best = int(scores.argmax())
        y, x = divmod(best, w)
        level_peaks[level].append(boxes[y, x])  # expect: VL002
    return detections


def scenario(n_images=40, image_size=1024):
    head = FakeFCOSHead()
    level_peaks = [[] for _ in head.strides]
    n_dets = 0
    with torch.no_grad():
        for seed in range(n_images):
            outs = head(image_size, seed)
            dets = decode_image(outs, head.strides, level_peaks)
            n_dets += sum(len(d[0]) for d in dets)
    return level_peaks
