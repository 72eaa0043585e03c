"""Live preview for a multi-camera grabber: one `threading.Thread` per camera reads frames in a loop
and publishes a downscaled preview (`frame[::step, ::step]`) into a dict keyed by its camera name,
under a `threading.Lock`, so a UI thread can show the latest frame of each camera.  Each worker
overwrites its own key, so at most one frame per camera stays alive.  Written after threaded
webcam/RTSP capture classes (`threading.Thread(target=self.update)` reading `cap.read()` into the
latest frame) in computer-vision tooling; the cameras are seeded random stand-ins."""
import threading

import numpy as np


class MultiCamPreview:
    def __init__(self, cameras, step=8):
        self.cameras = cameras
        self.step = step
        self.lock = threading.Lock()
        self.latest = {}

    @staticmethod
    def grab(cam_seed, frame_id, height=360, width=640):
        rng = np.random.default_rng(cam_seed * 10007 + frame_id)
        return rng.integers(0, 256, size=(height, width, 3), dtype=np.uint8)

    def _update(self, name, cam_seed, n_frames):
        for frame_id in range(n_frames):
            frame = self.grab(cam_seed, frame_id)
            with self.lock:
                self.latest[name] = frame[::self.step, ::self.step]

    def run(self, n_frames=30):
        workers = [
            threading.Thread(target=self._update, args=(name, seed, n_frames), daemon=True)
            for seed, name in enumerate(self.cameras)
        ]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        return self.latest


def scenario():
    preview = MultiCamPreview(["front", "rear", "left", "right"])
    return preview.run()
