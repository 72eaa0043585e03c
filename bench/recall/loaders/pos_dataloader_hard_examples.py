"""Online hard-example mining: the worst sample of every DataLoader batch is kept for replay."""
import torch
from torch import nn
from torch.utils.data import DataLoader, Dataset


class SyntheticImages(Dataset):
    def __init__(self, n=2048, size=32):
        g = torch.Generator().manual_seed(0)
        self.images = torch.randn(n, 3, size, size, generator=g)
        self.labels = torch.randint(0, 10, (n,), generator=g)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        return self.images[idx], self.labels[idx]


class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1))
        self.head = nn.Linear(8, 10)

    def forward(self, x):
        return self.head(self.features(x).flatten(1))


def mine_hard_examples(model, loader):
    criterion = nn.CrossEntropyLoss(reduction="none")
    hard_images, hard_labels = [], []
    model.eval()
    with torch.no_grad():
        for images, labels in loader:
            losses = criterion(model(images), labels)
            worst = int(losses.argmax())
            hard_images.append(images[worst])  # expect: VL002
            hard_labels.append(int(labels[worst]))
    return hard_images, hard_labels


def scenario():
    torch.manual_seed(0)
    loader = DataLoader(SyntheticImages(), batch_size=128, shuffle=True)
    return mine_hard_examples(SmallNet(), loader)
