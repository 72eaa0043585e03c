"""Self-distillation (DINO-style) feature monitoring: a teacher is a `copy.deepcopy` of the student
updated as an exponential moving average of its weights (`momentum_update_teacher`, under
`@torch.no_grad()` as a decorator), and for k-NN monitoring both networks embed every evaluation
batch.  The batch's outputs are named in a dict and the CLS rows taken with a dict comprehension,
`{name: tokens[:, 0] for name, tokens in outputs.items()}`: each value is a view of that network's
whole (batch, tokens, dim) output.  Written after DINO reimplementations (teacher/student heads,
momentum schedules, a feature bank for k-NN evaluation)."""
import copy

import torch
import torch.nn as nn


class PatchEncoder(nn.Module):
    def __init__(self, patch_dim=48, dim=192, n_patches=196):
        super().__init__()
        self.proj = nn.Linear(patch_dim, dim)
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))
        self.mix = nn.Linear(dim, dim)
        self.n_patches = n_patches

    def forward(self, patches):
        x = self.proj(patches)
        x = torch.cat([self.cls.expand(len(x), -1, -1), x], dim=1)
        return x + torch.tanh(self.mix(x))


class SelfDistillation:
    def __init__(self, student, momentum=0.996):
        self.student = student
        self.teacher = copy.deepcopy(student)
        for p in self.teacher.parameters():
            p.requires_grad_(False)
        self.momentum = momentum
        self.bank = []

    @torch.no_grad()
    def momentum_update_teacher(self):
        for p_s, p_t in zip(self.student.parameters(), self.teacher.parameters()):
            p_t.mul_(self.momentum).add_(p_s.detach(), alpha=1 - self.momentum)

    @torch.no_grad()
    def embed_batch(self, patches):
        outputs = {"student": self.student(patches), "teacher": self.teacher(patches)}
        self.bank.append({name: tokens[:, 0] for name, tokens in outputs.items()})  # expect: VL002


def scenario():
    torch.manual_seed(0)
    student = PatchEncoder().eval()
    sd = SelfDistillation(student)
    for _ in range(12):
        sd.momentum_update_teacher()
        sd.embed_batch(torch.randn(16, 196, 48))
    return sd.bank
