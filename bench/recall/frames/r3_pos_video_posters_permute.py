"""Video catalogue indexer: read each clip as a (T, H, W, C) tensor, convert to (T, C, H, W),
sample one frame per second and keep the first sampled frame as the clip's poster."""
import torch


def read_video(video_id, n_frames=48, height=180, width=320):
    """Stand-in for torchvision.io.read_video(path, pts_unit="sec")[0]."""
    gen = torch.Generator().manual_seed(video_id)
    return torch.randint(0, 256, (n_frames, height, width, 3), dtype=torch.uint8, generator=gen)


class CatalogueIndexer:
    def __init__(self, fps=24):
        self.fps = fps
        self.posters = {}
        self.durations = {}

    def sample_frames(self, video):
        video = video.permute(0, 3, 1, 2)
        return video[::self.fps]

    def index(self, video_ids):
        for vid in video_ids:
            video = read_video(vid)
            frames = self.sample_frames(video)
            self.durations[vid] = len(video) / self.fps
            self.posters[vid] = frames[0]  # expect: VL002
        return self


def scenario():
    return CatalogueIndexer().index(range(10)).posters
