"""Run a tiny single-stage detector over a video and keep, per frame, the
objectness of every anchor for the heat-map overlay written at the end.

The video reader is a stand-in (random frames), as in the project's tests."""
import torch
from torch import nn

NUM_CLASSES = 80


class TinyDetector(nn.Module):
    def __init__(self, num_classes=NUM_CLASSES):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, padding=1)
        self.head = nn.Conv2d(16, 5 + num_classes, 1)

    def forward(self, x):
        feat = torch.relu(self.stem(x))
        out = self.head(feat)                       # (B, 5+C, H, W)
        b, c, h, w = out.shape
        return out.permute(0, 2, 3, 1).reshape(b, h * w, c)


class FakeVideo:
    def __init__(self, n_frames, size=64, seed=0):
        self.n_frames = n_frames
        self.size = size
        self.gen = torch.Generator().manual_seed(seed)

    def __iter__(self):
        for _ in range(self.n_frames):
            yield torch.rand(3, self.size, self.size, generator=self.gen)


class OverlayRecorder:
    def __init__(self, model):
        self.model = model
        self.objectness = {}
        self.best_scores = []

    @torch.no_grad()
    def process(self, video):
        for frame_idx, frame in enumerate(video):
            pred = self.model(frame[None])[0]       # (anchors, 5 + C)
            obj = pred[:, 4]
            self.objectness[frame_idx] = obj  # expect: VL002
            self.best_scores.append(float(obj.max()))
        return self.objectness


def scenario():
    torch.manual_seed(0)
    model = TinyDetector().eval()
    rec = OverlayRecorder(model)
    rec.process(FakeVideo(24))
    return rec.objectness, rec.best_scores
