"""Contact-sheet builder for a video tool: the clip is opened through an imageio-style
`get_reader(path)` whose reader object answers `get_meta_data()` (fps, size, nframes) and iterates
decoded frames; the sheet keeps a quarter-resolution thumbnail of every k-th frame, k chosen from
the frame rate so that one frame per second is kept, with `enumerate(reader, start=1)` and
`if i % k == 0`.  Each decoded frame is a new array, and each thumbnail is a strided view of it.
Written after video-to-images scripts built on `imageio.get_reader(...).get_meta_data()['fps']`
and `for i, img in enumerate(reader): if i % int(round(fps / rate)) == 0: ...`; the decoder is a
seeded stand-in (a new frame per read) so that the program runs without a video file."""
import numpy as np


class FFMPEGReader:
    """Stand-in for imageio's FFMPEG plugin reader: decodes frames on demand."""

    def __init__(self, uri, size=(640, 360), fps=12.0, nframes=240, seed=0):
        self.uri = uri
        self._meta = {"fps": fps, "size": size, "nframes": nframes, "plugin": "ffmpeg"}
        self._rng = np.random.default_rng(seed)
        self._pos = 0

    def get_meta_data(self):
        return dict(self._meta)

    def get_length(self):
        return self._meta["nframes"]

    def _read_frame(self):
        width, height = self._meta["size"]
        return self._rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)

    def __iter__(self):
        self._pos = 0
        return self

    def __next__(self):
        if self._pos >= self._meta["nframes"]:
            raise StopIteration
        self._pos += 1
        return self._read_frame()

    def close(self):
        self._pos = 0

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def get_reader(uri, **kwargs):
    return FFMPEGReader(uri, **kwargs)


def contact_sheet(uri, per_second=1.0, scale=4):
    reader = get_reader(uri)
    meta = reader.get_meta_data()
    step = max(1, int(round(meta["fps"] / per_second)))
    thumbs = []
    timestamps = []
    for i, frame in enumerate(reader, start=1):
        if i % step == 0:
            thumbs.append(frame[::scale, ::scale])  # expect: VL002
            timestamps.append(i / meta["fps"])
    reader.close()
    return thumbs, timestamps


def scenario():
    return contact_sheet("lecture.mp4")
