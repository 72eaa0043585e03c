"""A hybrid (switched) system integrated piecewise with `scipy.integrate.solve_ivp`
and a terminal event, as in the thermostat and bouncing-ball examples of ODE
course material and control repositories: a row of rooms coupled by walls is
heated while the heater is on; an event function with `terminal = True` and a
`direction` stops the integration when the mean temperature crosses the
set-point band, the heater is toggled, and the integration restarts from the
last state.  The controller log keeps, for each switch, the time and the state
at the switch, `sol.y[:, -1]`: `sol.y` is a new `(n_states, n_times)` array
each segment (a transposed stack of the dense output at `t_eval`), so each
logged column pins that segment's whole trajectory."""
import numpy as np
from scipy.integrate import solve_ivp


def make_rhs(n, coupling=0.4, loss=0.05, heat=2.0, outside=5.0):
    def rhs(t, y, heater_on):
        dy = np.empty_like(y)
        dy[1:-1] = coupling * (y[:-2] - 2 * y[1:-1] + y[2:])
        dy[0] = coupling * (y[1] - y[0])
        dy[-1] = coupling * (y[-2] - y[-1])
        dy -= loss * (y - outside)
        if heater_on:
            dy += heat
        return dy
    return rhs


def band_event(level, direction):
    def event(t, y, heater_on):
        return y.mean() - level
    event.terminal = True
    event.direction = direction
    return event


def run_thermostat(n_rooms=2000, t_end=400.0, low=18.0, high=22.0, samples=600):
    rhs = make_rhs(n_rooms)
    too_hot = band_event(high, +1)
    too_cold = band_event(low, -1)
    y0 = np.full(n_rooms, 15.0)
    t0, heater_on = 0.0, True
    switches = []
    while t0 < t_end:
        t_eval = np.linspace(t0, t_end, samples)
        sol = solve_ivp(rhs, (t0, t_end), y0, t_eval=t_eval, args=(heater_on,),
                        events=[too_hot if heater_on else too_cold], rtol=1e-4)
        if sol.status != 1:
            break
        t0 = float(sol.t_events[0][0])
        y0 = sol.y_events[0][0]
        switches.append({"t": t0, "heater_on": heater_on, "state": sol.y[:, -1]})  # expect: VL002
        heater_on = not heater_on
    return switches


def scenario():
    return run_thermostat()
