"""A record class other modules import: its fields are read while another thread exports."""
from dataclasses import dataclass

import numpy as np


@dataclass
class Stepc:
    obs: np.ndarray
    reward: float = 0.0
    done: bool = False


def make_c(obs):
    return Stepc(obs[0])
