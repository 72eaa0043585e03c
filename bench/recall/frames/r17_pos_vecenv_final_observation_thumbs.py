"""Episode-end thumbnails from a Gymnasium-style synchronous vector environment with autoreset.  When a
sub-environment finishes, the vector env resets it at once and hands the last observation of the old
episode back in `infos["final_observation"]` (an object array, one slot per env, with the boolean mask
`infos["_final_observation"]`).  The PPO-style rollout copies it into a preallocated `real_next_obs`
buffer for bootstrapping, as cleanRL scripts do, and also keeps a quarter-resolution thumbnail of it for
the episode-end gallery.  Each sub-env renders a fresh 96x96 RGB frame per step, and the thumbnail
`final[::4, ::4]` is a strided view of that frame: the gallery pins one whole frame per finished
episode.  Written after SyncVectorEnv/`_add_info` code of Gymnasium and the cleanRL/SB3 rollout loops
that read the final observation back per env index."""
import numpy as np

N_ENVS = 8


class CarEnv:
    """A stand-in for a pixel environment: a fresh RGB frame per step, episodes of random length."""

    def __init__(self, seed):
        self.rng = np.random.default_rng(seed)
        self.t = 0
        self.horizon = 0

    def _frame(self):
        return self.rng.integers(0, 256, size=(96, 96, 3), dtype=np.uint8)

    def reset(self):
        self.t = 0
        self.horizon = int(self.rng.integers(10, 30))
        return self._frame(), {}

    def step(self, action):
        self.t += 1
        reward = float(action == self.t % 3)
        terminated = self.t >= self.horizon
        return self._frame(), reward, terminated, False, {"speed": 0.1 * self.t}


class SyncVectorEnv:
    def __init__(self, env_fns):
        self.envs = [fn() for fn in env_fns]
        self.num_envs = len(self.envs)

    def _add_info(self, infos, info, i):
        for key, value in info.items():
            if key not in infos:
                infos[key] = np.full(self.num_envs, None, dtype=object)
                infos["_" + key] = np.zeros(self.num_envs, dtype=bool)
            infos[key][i] = value
            infos["_" + key][i] = True
        return infos

    def reset(self):
        obs = [env.reset()[0] for env in self.envs]
        return np.stack(obs), {}

    def step(self, actions):
        observations, rewards, terms, truncs, infos = [], [], [], [], {}
        for i, (env, action) in enumerate(zip(self.envs, actions)):
            obs, rew, term, trunc, info = env.step(action)
            if term or trunc:
                old_obs, old_info = obs, info
                obs, info = env.reset()
                info["final_observation"] = old_obs
                info["final_info"] = old_info
            observations.append(obs)
            rewards.append(rew)
            terms.append(term)
            truncs.append(trunc)
            infos = self._add_info(infos, info, i)
        return np.stack(observations), np.array(rewards), np.array(terms), np.array(truncs), infos


def scenario(n_steps=800):
    envs = SyncVectorEnv([lambda s=s: CarEnv(seed=s) for s in range(N_ENVS)])
    obs, _ = envs.reset()
    rng = np.random.default_rng(0)
    gallery = []
    returns = np.zeros(N_ENVS)
    for step in range(n_steps):
        actions = rng.integers(0, 3, size=N_ENVS)
        next_obs, rewards, terms, truncs, infos = envs.step(actions)
        returns += rewards
        real_next_obs = next_obs.copy()
        if "final_observation" in infos:
            for idx, has_final in enumerate(infos["_final_observation"]):
                if has_final:
                    final = infos["final_observation"][idx]
                    real_next_obs[idx] = final
                    gallery.append(final[::4, ::4])  # expect: VL002
                    returns[idx] = 0.0
        obs = next_obs
    return gallery
