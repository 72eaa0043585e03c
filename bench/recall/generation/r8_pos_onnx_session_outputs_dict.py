"""Greedy decoding of an exported decoder through an ONNX-Runtime-style session, as in inference
scripts that run a causal LM without PyTorch: `session.run(None, feeds)` returns a list of fresh
NumPy arrays in the order of `get_outputs()`, which the decoder names with
`dict(zip(self.output_names, ...))`.  For a later confidence report the decoder keeps the
last-position logits of every step (`outputs["logits"][:, -1]`), a view of that step's whole
(batch, time, vocab) logits array.  The session here is a NumPy stand-in with the same interface."""
from typing import Dict, List

import numpy as np


class NumpyDecoderSession:
    """Stands in for onnxruntime.InferenceSession: run() returns new arrays every call."""

    def __init__(self, vocab: int = 2500, dim: int = 64, seed: int = 0):
        rng = np.random.default_rng(seed)
        self.embed = rng.standard_normal((vocab, dim)).astype(np.float32)
        self.proj = rng.standard_normal((dim, vocab)).astype(np.float32) / np.sqrt(dim)
        self._outputs = ["logits", "last_hidden_state"]

    def get_outputs(self):
        return [type("NodeArg", (), {"name": n})() for n in self._outputs]

    def run(self, output_names, input_feed: Dict[str, np.ndarray]) -> List[np.ndarray]:
        ids = input_feed["input_ids"]
        hidden = np.cumsum(self.embed[ids], axis=1) / np.arange(1, ids.shape[1] + 1)[None, :, None]
        return [hidden @ self.proj, hidden]


class OnnxGreedyDecoder:
    def __init__(self, session: NumpyDecoderSession, eos_id: int = 1):
        self.session = session
        self.output_names = [o.name for o in session.get_outputs()]
        self.eos_id = eos_id
        self.step_logits: List[np.ndarray] = []

    def generate(self, input_ids: np.ndarray, max_new_tokens: int) -> np.ndarray:
        for _ in range(max_new_tokens):
            feeds = {"input_ids": input_ids.astype(np.int64)}
            outputs = dict(zip(self.output_names, self.session.run(None, feeds)))
            last = outputs["logits"][:, -1]
            self.step_logits.append(last)  # expect: VL002
            next_ids = np.argmax(last, axis=-1)
            input_ids = np.concatenate([input_ids, next_ids[:, None]], axis=-1)
            if np.all(next_ids == self.eos_id):
                break
        return input_ids


def scenario():
    decoder = OnnxGreedyDecoder(NumpyDecoderSession())
    prompt = np.random.default_rng(1).integers(2, 2500, size=(2, 40))
    out = decoder.generate(prompt, max_new_tokens=30)
    return out, decoder.step_logits
