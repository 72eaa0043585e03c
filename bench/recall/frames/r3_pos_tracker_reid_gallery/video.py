"""Frame source: a stand-in for torchvision.io.VideoReader yielding {'data': (C, H, W) uint8, 'pts': t}."""
import torch


class SyntheticVideo:
    def __init__(self, n_frames=40, height=360, width=640, fps=25.0, seed=5):
        self.n_frames = n_frames
        self.height, self.width = height, width
        self.fps = fps
        self.seed = seed

    def __iter__(self):
        gen = torch.Generator().manual_seed(self.seed)
        for i in range(self.n_frames):
            data = torch.randint(0, 256, (3, self.height, self.width), dtype=torch.uint8, generator=gen)
            yield {"data": data, "pts": i / self.fps}
