"""Contact-sheet thumbnails for a clip library, decoded by a pool of `threading.Thread` workers: each
worker takes every n-th clip id, decodes one frame every `stride` frames and appends a strided
thumbnail (`frame[::step, ::step]`) to one list shared by all workers, under a `threading.Lock`
held with `with self.lock:`.  Written after threaded frame grabbers in video-tooling and
camera-capture scripts (a `Thread` subclass or `target=` worker per source, appending decoded frames
to a shared list behind a lock); the decoder is a seeded random stand-in."""
import threading

import numpy as np


class ThumbnailPool:
    def __init__(self, n_workers=4, step=8, stride=10):
        self.n_workers = n_workers
        self.step = step
        self.stride = stride
        self.lock = threading.Lock()
        self.thumbs = []

    @staticmethod
    def decode_frame(clip_id, frame_id, height, width):
        rng = np.random.default_rng(clip_id * 10007 + frame_id)
        return rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)

    def _worker(self, clip_ids, n_frames, height, width):
        for clip_id in clip_ids:
            for frame_id in range(0, n_frames, self.stride):
                frame = self.decode_frame(clip_id, frame_id, height, width)
                with self.lock:
                    self.thumbs.append(frame[::self.step, ::self.step])  # expect: VL002

    def run(self, clip_ids, n_frames=40, height=360, width=640):
        shards = [clip_ids[i::self.n_workers] for i in range(self.n_workers)]
        workers = [
            threading.Thread(target=self._worker, args=(shard, n_frames, height, width), daemon=True)
            for shard in shards
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return self.thumbs


def scenario():
    pool = ThumbnailPool()
    return pool.run(list(range(32)))
