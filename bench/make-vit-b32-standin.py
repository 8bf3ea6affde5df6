#!/usr/bin/env python3
"""A stand-in for the real CLIP ViT-B/32 vision export, for timing only: the same architecture and size
(OpenAI's VisionTransformer: 32x32 patches of a 224x224 image, width 768, 12 pre-LayerNorm blocks of 12 heads,
MLP 3072 with QuickGELU, class token through ln_post and a 768->512 projection; 87.8 M parameters, about
4.4 G multiply-adds a frame) with random weights, exported with the published input/output names
(pixel_values float32 [N,3,224,224] -> image_embeds float32 [N,512]).

The real weights cannot be fetched from this project's machines; the stand-in does the same arithmetic, so
the encoder's throughput against a bare ONNX Runtime session can be measured where the model, not the crop
conversion, dominates. Its embeddings mean nothing. Nothing in the repository or its tests uses it.

Usage (Debian's python3 with python3-torch and python3-onnx):
  /usr/bin/python3 bench/make-vit-b32-standin.py /tmp/vitb32
  bench/clip-encode.sh /tmp/vitb32 128 32 5 cpu
"""
import os
import sys

import torch


class Block(torch.nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.ln_1 = torch.nn.LayerNorm(width)
        self.heads = heads
        self.qkv = torch.nn.Linear(width, 3 * width)
        self.out = torch.nn.Linear(width, width)
        self.ln_2 = torch.nn.LayerNorm(width)
        self.fc = torch.nn.Linear(width, 4 * width)
        self.proj = torch.nn.Linear(4 * width, width)

    def forward(self, x):
        h = self.ln_1(x)
        n, s, w = h.shape
        q, k, v = self.qkv(h).view(n, s, 3, self.heads, w // self.heads).permute(2, 0, 3, 1, 4)
        a = torch.softmax(q @ k.transpose(-1, -2) * (w // self.heads) ** -0.5, dim=-1) @ v
        x = x + self.out(a.transpose(1, 2).reshape(n, s, w))
        h = self.fc(self.ln_2(x))
        return x + self.proj(h * torch.sigmoid(1.702 * h))


class VisionTransformer(torch.nn.Module):
    def __init__(self, width=768, layers=12, heads=12, patch=32, size=224, out=512):
        super().__init__()
        grid = size // patch
        self.conv1 = torch.nn.Conv2d(3, width, kernel_size=patch, stride=patch, bias=False)
        self.class_embedding = torch.nn.Parameter(torch.randn(width) * width ** -0.5)
        self.positional_embedding = torch.nn.Parameter(torch.randn(grid * grid + 1, width) * width ** -0.5)
        self.ln_pre = torch.nn.LayerNorm(width)
        self.blocks = torch.nn.Sequential(*[Block(width, heads) for _ in range(layers)])
        self.ln_post = torch.nn.LayerNorm(width)
        self.proj = torch.nn.Parameter(torch.randn(width, out) * width ** -0.5)

    def forward(self, pixel_values):
        x = self.conv1(pixel_values).flatten(2).transpose(1, 2)
        cls = self.class_embedding.expand(x.shape[0], 1, -1)
        x = self.ln_pre(torch.cat([cls, x], dim=1) + self.positional_embedding)
        x = self.blocks(x)
        return self.ln_post(x[:, 0, :]) @ self.proj


def main():
    out = os.path.join(sys.argv[1], "clip-vit-base-patch32", "onnx", "vision_model.onnx")
    os.makedirs(os.path.dirname(out), exist_ok=True)
    torch.manual_seed(0)
    model = VisionTransformer().eval()
    print(f"{sum(p.numel() for p in model.parameters()) / 1e6:.1f} M parameters", file=sys.stderr)
    with torch.no_grad():
        torch.onnx.export(model, (torch.randn(2, 3, 224, 224),), out, input_names=["pixel_values"],
                          output_names=["image_embeds"], opset_version=14, do_constant_folding=True,
                          dynamic_axes={"pixel_values": {0: "batch_size"}, "image_embeds": {0: "batch_size"}})
    print(out, os.path.getsize(out), "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
