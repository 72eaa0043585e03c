"""Rollout collection with an abstract observation wrapper: the base worker calls a `process`
hook that subclasses override (here an egocentric crop around the agent), and finished
trajectories are appended to a dataclass-backed rollout storage."""
import abc
from dataclasses import dataclass, field

import torch


class TopDownArena:
    """Stand-in for a gym env rendering a top-down RGB map around a moving agent."""

    def __init__(self, side=256, horizon=25, seed=3):
        self.side = side
        self.horizon = horizon
        self.gen = torch.Generator().manual_seed(seed)
        self.t = 0
        self.pos = [side // 2, side // 2]

    def _render(self):
        return torch.randint(0, 256, (3, self.side, self.side), generator=self.gen, dtype=torch.uint8)

    def reset(self):
        self.t = 0
        self.pos = [self.side // 2, self.side // 2]
        return self._render(), {"pos": tuple(self.pos)}

    def step(self, action):
        self.t += 1
        dy, dx = [(0, 4), (4, 0), (0, -4), (-4, 0)][action]
        self.pos = [min(max(self.pos[0] + dy, 24), self.side - 24), min(max(self.pos[1] + dx, 24), self.side - 24)]
        return self._render(), 0.1, self.t >= self.horizon, {"pos": tuple(self.pos)}


@dataclass
class Trajectory:
    observations: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    rewards: list = field(default_factory=list)


@dataclass
class RolloutStorage:
    trajectories: list = field(default_factory=list)

    def add(self, traj):
        self.trajectories.append(traj)
        return self


class RolloutWorker(abc.ABC):
    def __init__(self, env, storage):
        self.env = env
        self.storage = storage
        self.gen = torch.Generator().manual_seed(0)

    @abc.abstractmethod
    def process(self, obs, info):
        """Turn a raw observation into what the learner sees."""

    def act(self, obs):
        return int(torch.randint(0, 4, (1,), generator=self.gen))

    def collect(self, n_episodes):
        with torch.no_grad():
            for _ in range(n_episodes):
                traj = Trajectory()
                obs, info = self.env.reset()
                done = False
                while not done:
                    view = self.process(obs, info)
                    action = self.act(view)
                    traj.observations.append(view)  # expect: VL002
                    traj.actions.append(action)
                    obs, reward, done, info = self.env.step(action)
                    traj.rewards.append(reward)
                self.storage.add(traj)
        return self.storage


class EgocentricWorker(RolloutWorker):
    def __init__(self, env, storage, radius=24):
        super().__init__(env, storage)
        self.radius = radius

    def process(self, obs, info):
        y, x = info["pos"]
        r = self.radius
        return obs[:, y - r:y + r, x - r:x + r]


def scenario():
    storage = EgocentricWorker(TopDownArena(), RolloutStorage()).collect(n_episodes=3)
    return [t.observations for t in storage.trajectories]
