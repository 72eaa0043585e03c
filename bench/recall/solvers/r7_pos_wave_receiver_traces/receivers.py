"""Receiver line of a seismic forward model: a vertical line of geophones at a
fixed column records the wavefield each sampled step.  Module-level state, as
in the notebook the solver was lifted from."""
TRACES = []
TIMES = []


def reset():
    TRACES.clear()
    TIMES.clear()


def record(t, wavefield, column):
    plane = wavefield.squeeze()  # (H, W)
    TIMES.append(t)
    TRACES.append(plane[:, column])  # expect: VL001


def gather():
    return list(TIMES), list(TRACES)
