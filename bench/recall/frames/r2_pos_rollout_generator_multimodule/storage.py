"""Episode storage for offline RL datasets."""
from collections import defaultdict


class EpisodeWriter:
    """Keeps the camera stream of the first environment plus per-env scalar statistics."""

    def __init__(self):
        self.camera = []
        self.stats = defaultdict(list)

    def add(self, obs, rewards):
        self.camera.append(obs["pixels"][0])  # expect: VL002
        for env_id, r in enumerate(rewards.tolist()):
            self.stats[env_id].append(r)

    def __len__(self):
        return len(self.camera)
