"""Evaluation film strip for a pixel-based driving agent: the evaluation loop keeps its own frame
stack as one array and advances it by rebinding, `stack = np.concatenate([stack[1:], frame[None]],
axis=0)`, the way small DQN/PPO evaluation scripts do instead of a `deque(maxlen=k)` wrapper.  Every
other step, a quarter-resolution thumbnail of the newest frame (`stack[-1, ::4, ::4]`) goes into the
film strip shown after the episode.  Each rebinding makes a new stack array, and each thumbnail is a
strided view of the stack it was cut from: the strip pins one whole stack per kept thumbnail.  Written
after evaluation loops of Atari/CarRacing agents that roll their observation stack with
`np.concatenate((state[1:], next_frame[None]), axis=0)` and save `state[-1]` previews for a video."""
import numpy as np

STACK = 4


class RacingTrack:
    """A stand-in for a CarRacing-style environment: a fresh 96x96 RGB frame per step."""

    def __init__(self, seed=0, size=96):
        self.rng = np.random.default_rng(seed)
        self.size = size
        self.t = 0

    def reset(self):
        self.t = 0
        return self._render()

    def _render(self):
        return self.rng.integers(0, 256, size=(self.size, self.size, 3), dtype=np.uint8)

    def step(self, action):
        self.t += 1
        reward = 1.0 - 0.1 * abs(action)
        return self._render(), reward, self.t >= 1000


def greedy_steer(stack):
    # a stand-in for the policy: steer towards the brighter half of the newest frame
    left = stack[-1, :, :48].mean()
    right = stack[-1, :, 48:].mean()
    return float(np.sign(right - left))


def scenario(n_steps=600, every=2):
    env = RacingTrack(seed=3)
    frame = env.reset()
    stack = np.repeat(frame[None], STACK, axis=0)
    film = []
    total = 0.0
    for t in range(n_steps):
        frame, reward, done = env.step(greedy_steer(stack))
        total += reward
        stack = np.concatenate([stack[1:], frame[None]], axis=0)
        if t % every == 0:
            film.append(stack[-1, ::4, ::4])  # expect: VL001
        if done:
            break
    return film, total
