"""DQN replay memory as a preallocated ring buffer: env 0's observation is written into a fixed array."""
import numpy as np


class VecAtariStandIn:
    def __init__(self, num_envs=16, seed=2):
        self.num_envs = num_envs
        self.rng = np.random.default_rng(seed)

    def reset(self):
        return self.rng.integers(0, 256, size=(self.num_envs, 4, 84, 84), dtype=np.uint8)

    def step(self, actions):
        obs = self.rng.integers(0, 256, size=(self.num_envs, 4, 84, 84), dtype=np.uint8)
        rewards = self.rng.standard_normal(self.num_envs).astype(np.float32)
        dones = np.zeros(self.num_envs, dtype=bool)
        return obs, rewards, dones, [{} for _ in range(self.num_envs)]


class RingReplay:
    def __init__(self, capacity, obs_shape):
        self.obs = np.zeros((capacity,) + obs_shape, dtype=np.uint8)
        self.actions = np.zeros(capacity, dtype=np.int64)
        self.rewards = np.zeros(capacity, dtype=np.float32)
        self.capacity = capacity
        self.ptr = 0
        self.full = False

    def add(self, obs, action, reward):
        self.obs[self.ptr] = obs
        self.actions[self.ptr] = action
        self.rewards[self.ptr] = reward
        self.ptr = (self.ptr + 1) % self.capacity
        self.full = self.full or self.ptr == 0


def scenario():
    env = VecAtariStandIn()
    memory = RingReplay(capacity=64, obs_shape=(4, 84, 84))
    obs = env.reset()
    for _ in range(100):
        actions = np.random.randint(0, 6, size=env.num_envs)
        obs, rewards, dones, infos = env.step(actions)
        memory.add(obs[0], actions[0], rewards[0])
    return memory
