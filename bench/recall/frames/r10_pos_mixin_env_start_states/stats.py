"""Module-level episode statistics shared by the training script and its loggers."""
EPISODE_RETURNS = []
START_STATES = []


def on_reset(obs):
    START_STATES.append(obs)  # expect: VL002


def on_episode_end(ret):
    EPISODE_RETURNS.append(ret)
