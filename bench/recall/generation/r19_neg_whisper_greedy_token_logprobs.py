"""Greedy decoding of an encoder-decoder speech model, in the shape of openai/whisper's `DecodingTask`
(`_main_loop`, `GreedyDecoder.update`): at the first step the no-speech probability is read at the
start-of-transcript position, every step takes the last position's logits, turns them into
log-probabilities and adds the chosen token's log-probability to the running sum of each sequence.
The per-token log-probabilities are kept for word-level confidence, gathered with advanced indexing
(a copy of one number per sequence), so each step's logits are freed."""
from dataclasses import dataclass, field
from typing import List

import torch
import torch.nn as nn
import torch.nn.functional as F


@dataclass
class DecodingOptions:
    sample_len: int = 40
    n_vocab: int = 1200
    sot: int = 1
    eot: int = 2
    no_speech: int = 3


@dataclass
class DecodingResult:
    tokens: torch.Tensor
    sum_logprobs: torch.Tensor
    no_speech_probs: List[float]
    token_logprobs: List[torch.Tensor] = field(default_factory=list)


class TinyWhisper(nn.Module):
    def __init__(self, n_vocab, n_mels=40, dim=128):
        super().__init__()
        self.encoder = nn.Linear(n_mels, dim)
        self.tok = nn.Embedding(n_vocab, dim)
        self.out = nn.Linear(dim, n_vocab)

    def embed_audio(self, mel):
        return torch.tanh(self.encoder(mel))

    def logits(self, tokens, audio_features):
        ctx = audio_features.mean(dim=1, keepdim=True)
        return self.out(self.tok(tokens) + ctx)


class GreedyDecoder:
    def __init__(self, eot):
        self.eot = eot

    def update(self, tokens, logits, sum_logprobs):
        next_tokens = logits.argmax(dim=-1)
        logprobs = F.log_softmax(logits.float(), dim=-1)
        current_logprobs = logprobs[torch.arange(logprobs.shape[0]), next_tokens]
        sum_logprobs += current_logprobs * (tokens[:, -1] != self.eot)
        next_tokens[tokens[:, -1] == self.eot] = self.eot
        tokens = torch.cat([tokens, next_tokens[:, None]], dim=-1)
        completed = bool((tokens[:, -1] == self.eot).all())
        return tokens, completed, current_logprobs


class DecodingTask:
    def __init__(self, model, options: DecodingOptions):
        self.model = model
        self.options = options
        self.decoder = GreedyDecoder(options.eot)

    def _main_loop(self, audio_features, tokens):
        n_batch = tokens.shape[0]
        sum_logprobs = torch.zeros(n_batch)
        no_speech_probs = [float("nan")] * n_batch
        token_logprobs = []
        for i in range(self.options.sample_len):
            logits = self.model.logits(tokens, audio_features)
            if i == 0:
                probs_at_sot = logits[:, 0].float().softmax(dim=-1)
                no_speech_probs = probs_at_sot[:, self.options.no_speech].tolist()
            logits = logits[:, -1]
            tokens, completed, current = self.decoder.update(tokens, logits, sum_logprobs)
            token_logprobs.append(current)
            if completed:
                break
        return tokens, sum_logprobs, no_speech_probs, token_logprobs

    @torch.no_grad()
    def run(self, mel):
        audio_features = self.model.embed_audio(mel)
        tokens = torch.full((mel.shape[0], 1), self.options.sot, dtype=torch.long)
        tokens, sum_logprobs, no_speech, per_token = self._main_loop(audio_features, tokens)
        return DecodingResult(tokens, sum_logprobs, no_speech, per_token)


def scenario():
    torch.manual_seed(0)
    opts = DecodingOptions()
    task = DecodingTask(TinyWhisper(opts.n_vocab).eval(), opts)
    results = []
    for _ in range(4):
        mel = torch.randn(8, 300, 40)
        results.append(task.run(mel))
    return results
