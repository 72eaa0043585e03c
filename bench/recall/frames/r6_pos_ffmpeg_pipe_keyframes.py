"""Scene-thumbnail extraction from an ffmpeg rawvideo pipe: the decoder's stdout is read a chunk of
frames at a time (one read per GOP), the bytes are wrapped with np.frombuffer and reshaped to
(n, h, w, 3), and the first frame of each GOP is kept as the scene's keyframe for the contact sheet."""
import numpy as np


class RawVideoPipe:
    """Stand-in for subprocess.Popen(["ffmpeg", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", "-"],
    stdout=PIPE).stdout: read(n) hands back n fresh bytes of rgb24 frames."""

    def __init__(self, n_frames, width=160, height=120, seed=11):
        self.remaining = n_frames * width * height * 3
        self.rng = np.random.default_rng(seed)

    def read(self, n):
        n = min(n, self.remaining)
        self.remaining -= n
        return self.rng.bytes(n)

    def close(self):
        self.remaining = 0


class FFmpegKeyframeReader:
    def __init__(self, path, width=160, height=120, gop=16):
        self.path = path
        self.width = width
        self.height = height
        self.gop = gop
        self.frame_bytes = width * height * 3

    def open(self, n_frames):
        return RawVideoPipe(n_frames, self.width, self.height)

    def keyframes(self, n_frames):
        pipe = self.open(n_frames)
        thumbs = []
        i = 0
        try:
            while i < n_frames:
                raw = pipe.read(self.frame_bytes * self.gop)
                if not raw:
                    break
                gop = np.frombuffer(raw, dtype=np.uint8).reshape(-1, self.height, self.width, 3)
                thumbs.append(gop[0])  # expect: VL002
                i += gop.shape[0]
        finally:
            pipe.close()
        return thumbs


def scenario():
    reader = FFmpegKeyframeReader("lecture.mp4")
    return reader.keyframes(16 * 30)
