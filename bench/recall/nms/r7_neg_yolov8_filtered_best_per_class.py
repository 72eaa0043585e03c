"""Per-class best detection over a video with a YOLOv8-style channels-first
head.  Each frame's output is transposed to rows, filtered by confidence with a
boolean mask first (`pred[conf > thr]`, which gathers the few candidates into a
new tensor), and the best candidate row per class is kept for a summary
thumbnail sheet.  The kept rows are views of the small filtered tensor only."""
import torch


class ChannelsFirstHead(torch.nn.Module):
    def __init__(self, n_classes=80, n_anchors=8400):
        super().__init__()
        self.n_classes = n_classes
        self.n_anchors = n_anchors
        self.mix = torch.nn.Conv2d(3, 4 + n_classes, kernel_size=1)

    def forward(self, image):
        feat = self.mix(image).mean(dim=(2, 3))
        out = torch.rand(1, 4 + self.n_classes, self.n_anchors)
        out[:, :4] *= 640.0
        return out + 0.001 * feat[:, :, None]


def frames(n, size=32, seed=0):
    g = torch.Generator().manual_seed(seed)
    for _ in range(n):
        yield torch.rand(1, 3, size, size, generator=g)


def best_per_class(model, n_frames=12, conf_thres=0.9995):
    best = {}
    for frame in frames(n_frames):
        with torch.inference_mode():
            out = model(frame)
        pred = out[0].t()
        conf, cls = pred[:, 4:].max(dim=1)
        keep = conf > conf_thres
        cand, cand_conf, cand_cls = pred[keep], conf[keep], cls[keep]
        for j, c in enumerate(cand_cls.tolist()):
            score = float(cand_conf[j])
            if c not in best or score > best[c][0]:
                best[c] = (score, cand[j])
    return best


def scenario():
    return best_per_class(ChannelsFirstHead())
