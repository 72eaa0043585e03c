"""A multi-view video recording wrapper around a simulator that renders all its cameras into one
tiled canvas.  The robot simulator's `render()` returns a (2*H, 6*W, 3) uint8 mosaic of its twelve
cameras (two rows of six); the recording wrapper cuts the tile of the camera it was configured
with out of each rendered canvas, every `steps_per_render` steps, and hands the frames of each
episode to the evaluation loop, which keeps them to write rollout videos at the end.  Each kept
tile is a slice of its canvas, which is made anew at each render: every kept frame pins all twelve
cameras.  Written after the diffusion-policy / 3D-policy `MultiviewVideoRecordingWrapper` and
`SimpleVideoRecordingWrapper(gym.Wrapper)` classes (`steps_per_render`, `self.frames = list()` in
`reset`, frames appended in `step`) and simulators that render camera mosaics for debugging."""
import numpy as np

TILE_H, TILE_W = 48, 64
CAMERAS = ["agentview", "wrist", "left", "right", "top", "front",
           "back", "birdview", "side", "sideview2", "frontview2", "robot0_eye"]


class MosaicSim:
    """A stand-in simulator: every camera is rendered into one canvas of 2 x 6 tiles."""

    def __init__(self, horizon=60, seed=0):
        self.rng = np.random.default_rng(seed)
        self.horizon = horizon
        self.t = 0

    def reset(self):
        self.t = 0
        return self.rng.standard_normal(9).astype(np.float32)

    def step(self, action):
        self.t += 1
        obs = self.rng.standard_normal(9).astype(np.float32)
        return obs, float(action.sum()), self.t >= self.horizon, {}

    def render(self):
        return self.rng.integers(0, 255, size=(2 * TILE_H, 6 * TILE_W, 3), dtype=np.uint8)


class Wrapper:
    def __init__(self, env):
        self.env = env

    def reset(self):
        return self.env.reset()

    def step(self, action):
        return self.env.step(action)


class CameraRecordingWrapper(Wrapper):
    def __init__(self, env, camera="agentview", steps_per_render=2):
        super().__init__(env)
        self.camera_index = CAMERAS.index(camera)
        self.steps_per_render = steps_per_render
        self.step_count = 0
        self.frames = []

    def _camera_tile(self):
        canvas = self.env.render()
        row, col = divmod(self.camera_index, 6)
        return canvas[row * TILE_H:(row + 1) * TILE_H, col * TILE_W:(col + 1) * TILE_W]

    def reset(self):
        obs = super().reset()
        self.frames = [self._camera_tile()]
        self.step_count = 1
        return obs

    def step(self, action):
        result = super().step(action)
        self.step_count += 1
        if self.step_count % self.steps_per_render == 0:
            self.frames.append(self._camera_tile())  # expect: VL002
        return result

    def get_video(self):
        return self.frames


def evaluate(env, n_episodes, rng):
    videos, returns = [], []
    for _ in range(n_episodes):
        env.reset()
        done, total = False, 0.0
        while not done:
            action = rng.uniform(-1.0, 1.0, size=7)
            _, reward, done, _ = env.step(action)
            total += reward
        videos.append(env.get_video())
        returns.append(total)
    return videos, returns


def scenario(n_episodes=8):
    rng = np.random.default_rng(3)
    env = CameraRecordingWrapper(MosaicSim(), camera="agentview", steps_per_render=2)
    return evaluate(env, n_episodes, rng)
