# kind: lookalike
# framework: research
# why: each input window is normalised by its own mean / std inside the training and evaluation loops (only the window's past bars), the split is chronological, and DataLoader shuffling happens within the training windows
import numpy as np
import pandas as pd
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

SEQ = 60
HORIZON = 5
torch.manual_seed(0)

bars = pd.read_csv("data/gbpusd_1h.csv", parse_dates=["time"]).set_index("time").sort_index()
lr = np.log(bars["close"]).diff().dropna().to_numpy(dtype=np.float32)
vol = np.log(bars["tick_volume"].iloc[1:] + 1).to_numpy(dtype=np.float32)
series = np.stack([lr, vol], axis=1)

# Window t covers bars t-SEQ..t-1; its label is the sum of the next HORIZON returns.
xs, ys = [], []
for t in range(SEQ, len(series) - HORIZON):
    xs.append(series[t - SEQ:t])
    ys.append(lr[t:t + HORIZON].sum())
X = torch.tensor(np.array(xs))
y = torch.tensor(np.array(ys, dtype=np.float32)).unsqueeze(1)

split = int(len(X) * 0.8)
X_train, y_train = X[:split - HORIZON], y[:split - HORIZON]
X_test, y_test = X[split:], y[split:]
train_loader = DataLoader(TensorDataset(X_train, y_train), batch_size=256, shuffle=True)
test_loader = DataLoader(TensorDataset(X_test, y_test), batch_size=1024, shuffle=False)


def normalise(xb: torch.Tensor) -> torch.Tensor:
    mu = xb.mean(dim=1, keepdim=True)
    sd = xb.std(dim=1, keepdim=True) + 1e-6
    return (xb - mu) / sd


class Net(nn.Module):
    def __init__(self, n_in: int = 2, hidden: int = 32):
        super().__init__()
        self.lstm = nn.LSTM(n_in, hidden, batch_first=True)
        self.head = nn.Linear(hidden, 1)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1])


net = Net()
opt = torch.optim.AdamW(net.parameters(), lr=1e-3, weight_decay=1e-4)
loss_fn = nn.MSELoss()
for epoch in range(15):
    net.train()
    total = 0.0
    for xb, yb in train_loader:
        xb = normalise(xb)
        opt.zero_grad()
        loss = loss_fn(net(xb), yb * 100)
        loss.backward()
        opt.step()
        total += loss.item() * len(xb)
    print(f"epoch {epoch:2d} train loss {total / len(X_train):.4f}")

net.eval()
preds = []
with torch.no_grad():
    for xb, _ in test_loader:
        preds.append(net(normalise(xb)).squeeze(1) / 100)
pred = torch.cat(preds).numpy()
truth = y_test.squeeze(1).numpy()
print("test IC:", round(np.corrcoef(pred, truth)[0, 1], 4))
print("test hit rate:", round(np.mean(np.sign(pred) == np.sign(truth)), 4))
