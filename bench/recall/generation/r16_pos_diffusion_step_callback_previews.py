"""A latent-diffusion sampling loop with the old `callback(i, t, latents)` hook, in the shape of the
Stable Diffusion pipelines and the notebooks that watch the denoising: the pipeline predicts the noise
with the UNet, asks a DDIM-style scheduler for `scheduler.step(noise_pred, t, latents).prev_sample`
(a new tensor each step) and calls the user's callback every `callback_steps` steps.  The notebook's
callback keeps a preview of the first image of the batch, `latents[0]`, to decode later into a
progress strip."""
from dataclasses import dataclass

import torch
import torch.nn as nn


@dataclass
class SchedulerOutput:
    prev_sample: torch.Tensor
    pred_original_sample: torch.Tensor


class DDIMScheduler:
    def __init__(self, num_train_timesteps=1000, beta_start=0.00085, beta_end=0.012):
        betas = torch.linspace(beta_start ** 0.5, beta_end ** 0.5, num_train_timesteps) ** 2
        self.alphas_cumprod = torch.cumprod(1.0 - betas, dim=0)
        self.num_train_timesteps = num_train_timesteps
        self.timesteps = None

    def set_timesteps(self, num_inference_steps):
        self.step_ratio = self.num_train_timesteps // num_inference_steps
        self.timesteps = torch.arange(0, num_inference_steps).flip(0) * self.step_ratio

    def step(self, model_output, timestep, sample):
        prev_timestep = timestep - self.step_ratio
        alpha_prod_t = self.alphas_cumprod[timestep]
        alpha_prod_prev = self.alphas_cumprod[prev_timestep] if prev_timestep >= 0 else torch.tensor(1.0)
        pred_x0 = (sample - (1 - alpha_prod_t) ** 0.5 * model_output) / alpha_prod_t ** 0.5
        prev_sample = alpha_prod_prev ** 0.5 * pred_x0 + (1 - alpha_prod_prev) ** 0.5 * model_output
        return SchedulerOutput(prev_sample=prev_sample, pred_original_sample=pred_x0)


class TinyUNet(nn.Module):
    def __init__(self, channels=4, hidden=8):
        super().__init__()
        self.inp = nn.Conv2d(channels, hidden, 3, padding=1)
        self.out = nn.Conv2d(hidden, channels, 3, padding=1)

    def forward(self, x, t):
        return self.out(torch.tanh(self.inp(x) + t.float() / 1000.0))


class LatentDiffusionPipeline:
    def __init__(self, unet, scheduler):
        self.unet = unet
        self.scheduler = scheduler

    @torch.no_grad()
    def __call__(self, batch_size, height=64, width=64, num_inference_steps=50, generator=None,
                 callback=None, callback_steps=1):
        latents = torch.randn(batch_size, 4, height, width, generator=generator)
        self.scheduler.set_timesteps(num_inference_steps)
        for i, t in enumerate(self.scheduler.timesteps):
            noise_pred = self.unet(latents, t)
            latents = self.scheduler.step(noise_pred, t, latents).prev_sample
            if callback is not None and i % callback_steps == 0:
                callback(i, t, latents)
        return latents


def scenario():
    torch.manual_seed(0)
    pipe = LatentDiffusionPipeline(TinyUNet().eval(), DDIMScheduler())
    previews = []

    def keep_preview(step, timestep, latents):
        previews.append(latents[0])  # expect: VL001

    final = pipe(16, num_inference_steps=50, generator=torch.Generator().manual_seed(1),
                 callback=keep_preview, callback_steps=2)
    return final[:1].clone(), previews
