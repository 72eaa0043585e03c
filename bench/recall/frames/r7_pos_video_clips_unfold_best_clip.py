"""Highlight mining over decoded videos, after torchvision's VideoClips: every video is decoded into a
(T, C, H, W) uint8 tensor, cut into overlapping clips with ``Tensor.unfold`` over the time axis, each
clip is scored for motion under ``torch.no_grad()``, and the best clip of every video is kept for a
highlight reel that is written out at the end."""
import torch


def read_video(path, num_frames=120, size=96):
    """Stand-in for torchvision.io.read_video(path, output_format="TCHW")[0]."""
    gen = torch.Generator().manual_seed(sum(map(ord, path)))
    return torch.randint(0, 256, (num_frames, 3, size, size), dtype=torch.uint8, generator=gen)


class MotionScorer:
    def __call__(self, clips):
        # clips: (N, T, C, H, W) -> one score per clip
        x = clips.float()
        return (x[:, 1:] - x[:, :-1]).abs().mean(dim=(1, 2, 3, 4))


class ClipSampler:
    def __init__(self, clip_len=8, stride=4):
        self.clip_len = clip_len
        self.stride = stride

    def clips(self, video):
        # (T, C, H, W) -> (N, C, H, W, clip_len) -> (N, clip_len, C, H, W)
        windows = video.unfold(0, self.clip_len, self.stride)
        return windows.permute(0, 4, 1, 2, 3)


class HighlightReel:
    def __init__(self, sampler, scorer):
        self.sampler = sampler
        self.scorer = scorer
        self.entries = []

    def add_video(self, path):
        video = read_video(path)
        clips = self.sampler.clips(video)
        with torch.no_grad():
            scores = self.scorer(clips)
        best = int(scores.argmax())
        self.entries.append({"path": path, "start": best * self.sampler.stride,
                             "clip": clips[best]})  # expect: VL001

    def summary(self):
        return [(e["path"], e["start"], tuple(e["clip"].shape)) for e in self.entries]


def scenario():
    reel = HighlightReel(ClipSampler(clip_len=8, stride=4), MotionScorer())
    for i in range(10):
        reel.add_video(f"videos/match_{i:03d}.mp4")
    return reel.entries
