"""Per-video poster clips for a video-retrieval index.  Each video is decoded to a uint8 (T, H, W, C)
tensor (as `torchvision.io.read_video` returns it), cut into segments with `torch.tensor_split` along
time, and the first segment whose mean brightness passes a threshold (else the last one, through the
loop's `else`) is kept, moved to (T, C, H, W) with `movedim`, in a dict of posters filled with
`dict.update`.  Written after video-dataset preprocessing scripts that `movedim` decoded clips and
split them into fixed-length segments."""
import torch


class FakeVideoReader:
    """Stand-in for torchvision.io.read_video: a new frame tensor per file."""

    def __init__(self, frames=64, height=96, width=128, seed=0):
        self.shape = (frames, height, width, 3)
        self.gen = torch.Generator().manual_seed(seed)

    def read_video(self, path):
        video = torch.randint(0, 256, self.shape, dtype=torch.uint8, generator=self.gen)
        return video, None, {"video_fps": 25.0}


class PosterIndex:
    def __init__(self, reader, segments=16, min_brightness=100.0):
        self.reader = reader
        self.segments = segments
        self.min_brightness = min_brightness
        self.posters = {}
        self.fps = {}

    def add(self, video_id, path):
        video, _, info = self.reader.read_video(path)
        for segment in torch.tensor_split(video, self.segments, dim=0):
            if segment.float().mean() >= self.min_brightness:
                break
        else:
            segment = video[-(video.shape[0] // self.segments):]
        self.posters.update({video_id: segment.movedim(-1, 1)})  # expect: VL002
        self.fps[video_id] = info["video_fps"]


def scenario():
    index = PosterIndex(FakeVideoReader())
    for i in range(30):
        index.add(f"vid{i:03d}", f"/data/videos/{i:03d}.mp4")
    return index.posters
