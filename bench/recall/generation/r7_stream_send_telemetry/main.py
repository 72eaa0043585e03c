"""Serve a few streaming requests: the client drives the decoder generator with `next()` and then
`send(stop)`, stopping when it sees its stop token or at its own length limit; telemetry is read back
at the end."""
import torch

import telemetry
from decoder import TinyGRULM, stream_decode


def serve(model, prompt, request_id, stop_token=-1, limit=48):
    gen = stream_decode(model, prompt, request_id, max_new_tokens=64)
    tokens = [next(gen)]
    while True:
        stop = len(tokens) >= limit or int(tokens[-1][0, 0]) == stop_token
        try:
            tokens.append(gen.send(stop))
        except StopIteration:
            break
    return torch.cat(tokens, dim=1)


def scenario():
    torch.manual_seed(0)
    telemetry.reset()
    model = TinyGRULM().eval()
    outputs = [serve(model, torch.randint(0, 3000, (4, 24)), f"req{r}") for r in range(2)]
    return outputs, telemetry.TRACE
