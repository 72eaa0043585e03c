"""Environment stand-ins used by the rollout tests (no gym on the CI machines)."""
import numpy as np


class DictObsVecEnv:
    """Vectorised env with dict observations: {"pixels": (n, 96, 96, 3) uint8, "proprio": (n, 12) float32}."""

    def __init__(self, num_envs=16, seed=7):
        self.num_envs = num_envs
        self.rng = np.random.default_rng(seed)

    def _observe(self):
        return {
            "pixels": self.rng.integers(0, 256, size=(self.num_envs, 96, 96, 3), dtype=np.uint8),
            "proprio": self.rng.standard_normal((self.num_envs, 12)).astype(np.float32),
        }

    def reset(self):
        return self._observe()

    def step(self, actions):
        rewards = self.rng.standard_normal(self.num_envs)
        dones = self.rng.random(self.num_envs) < 0.02
        return self._observe(), rewards, dones, {}
