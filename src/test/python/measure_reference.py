"""Independent scipy implementation of Echoic's measurement definitions (issue 15), compared with `echoic measure` CSV."""
import sys, csv, numpy as np
from scipy.io import wavfile
from scipy.signal import spectrogram

wav, table = sys.argv[1], sys.argv[2]
nperseg = int(sys.argv[3]) if len(sys.argv) > 3 else 512
fs, x = wavfile.read(wav)
x = x.astype(np.float64) / 32768.0
if x.ndim > 1:
    x = x.mean(axis=1)
f, t, S = spectrogram(x, fs, window='hann', nperseg=nperseg, noverlap=nperseg // 2, detrend=False,
                      scaling='density', mode='psd')
S = S.astype(np.float32).astype(np.float64)
rows = list(csv.DictReader(open(table)))
binw = fs / nperseg
worst = {}
def first_reaching(v, share):
    c = np.cumsum(v); return int(np.argmax(c >= share * c[-1]))
def H(v):
    q = v / v.sum(); q = q[q > 0]; return float(-(q * np.log2(q)).sum())
for r in rows:
    b, e, lo, hi = (float(r[k]) for k in ('onset_s', 'offset_s', 'low_hz', 'high_hz'))
    fr = np.where((t >= b) & (t <= e))[0]; bi = np.where((f >= lo) & (f <= hi))[0]
    P = S[np.ix_(bi, fr)]
    spec = P.sum(axis=1); en = P.sum(axis=0)
    ref = {}
    for share, name in ((.05, 'Freq 5% (Hz)'), (.25, 'Freq 25% (Hz)'), (.5, 'Center Freq (Hz)'),
                        (.75, 'Freq 75% (Hz)'), (.95, 'Freq 95% (Hz)')):
        ref[name] = f[bi][first_reaching(spec, share)]
    ref['BW 90% (Hz)'] = ref['Freq 95% (Hz)'] - ref['Freq 5% (Hz)']
    ref['IQR BW (Hz)'] = ref['Freq 75% (Hz)'] - ref['Freq 25% (Hz)']
    k = np.unravel_index(np.argmax(P), P.shape)
    ref['Peak Freq (Hz)'] = f[bi][k[0]]; ref['Peak Time (s)'] = t[fr][k[1]]
    ref['Peak Power Density (dB FS/Hz)'] = 10 * np.log10(P.max())
    ref['Time 5% (s)'] = t[fr][first_reaching(en, .05)]; ref['Time 95% (s)'] = t[fr][first_reaching(en, .95)]
    ref['Dur 90% (s)'] = ref['Time 95% (s)'] - ref['Time 5% (s)']
    ref['Agg Entropy (bits)'] = H(spec)
    ref['Avg Entropy (bits)'] = float(np.mean([H(P[:, j]) for j in range(P.shape[1]) if P[:, j].sum() > 0]))
    ref['Energy (dB FS)'] = 10 * np.log10(P.sum() * (fs / nperseg) * ((nperseg // 2) / fs))
    for name, v in ref.items():
        d = abs(float(r[name]) - v)
        worst[name] = max(worst.get(name, 0), d)
hop = (nperseg // 2) / fs
print(f"{wav.split('/')[-1]}: {len(rows)} selections, bin {binw:.3f} Hz, hop {hop*1000:.3f} ms")
for name, d in worst.items():
    unit = binw if '(Hz)' in name else hop if '(s)' in name else 1
    print(f"  {name:32s} max |echoic - scipy| = {d:.6g}" + (f"  ({d/unit:.3f} bins/hops)" if unit != 1 else ""))
