"""Process-wide decoding telemetry, kept in module globals as small serving stacks do: every decoding
loop reports each step here, and a dashboard reads `TRACE` later."""
TRACE = []
STEPS = 0


def record_step(request_id, step, state):
    global STEPS
    STEPS += 1
    TRACE.append((request_id, step, state))  # expect: VL002


def reset():
    global TRACE, STEPS
    TRACE = []
    STEPS = 0
