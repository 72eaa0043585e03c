"""Per-frame objectness of a tiny detector, smoothed over the last few
frames only (a bounded window) before thresholding."""
from collections import deque

import torch
from torch import nn


class TinyDetector(nn.Module):
    def __init__(self, num_classes=80):
        super().__init__()
        self.stem = nn.Conv2d(3, 16, 3, padding=1)
        self.head = nn.Conv2d(16, 5 + num_classes, 1)

    def forward(self, x):
        out = self.head(torch.relu(self.stem(x)))
        b, c, h, w = out.shape
        return out.permute(0, 2, 3, 1).reshape(b, h * w, c)


def fake_video(n_frames, size=48, seed=0):
    gen = torch.Generator().manual_seed(seed)
    for _ in range(n_frames):
        yield torch.rand(3, size, size, generator=gen)


class TemporalSmoother:
    def __init__(self, model, window=3):
        self.model = model
        self.window = deque(maxlen=window)
        self.detections_per_frame = []

    @torch.no_grad()
    def run(self, frames):
        for frame in frames:
            pred = self.model(frame[None])[0]
            self.window.append(pred[:, 4])
            smoothed = torch.stack(list(self.window)).mean(0)
            self.detections_per_frame.append(int((smoothed > 0.1).sum()))
        return self.detections_per_frame


def scenario():
    torch.manual_seed(0)
    sm = TemporalSmoother(TinyDetector().eval())
    sm.run(fake_video(24))
    return sm.window, sm.detections_per_frame
