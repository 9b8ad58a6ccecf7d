#!/usr/bin/python3
"""Generates the reference arrays of this folder ONCE (not run by the build).

Run from the repository root with Debian's python3-scipy / python3-numpy (/usr/bin/python3):
    /usr/bin/python3 src/test/resources/scipy/generate.py
librosa is not packaged in Debian 12, so its mel conventions (hz_to_mel / mel_to_hz / mel_frequencies /
filters.mel with norm='slaney' or None, power_to_db, feature.mfcc's DCT-II ortho) are re-implemented
below with numpy, following librosa 0.10's source line by line.
"""
import os
import numpy as np
import scipy
import scipy.fft
import scipy.signal

OUT = os.path.dirname(os.path.abspath(__file__))
FS = 8000.0


def save(name, arr):
    np.save(os.path.join(OUT, name), arr)


def signal():
    n = 4000
    t = np.arange(n) / FS
    rng = np.random.default_rng(1234)
    x = (0.5 * np.sin(2 * np.pi * 440 * t)
         + 0.3 * scipy.signal.chirp(t, 200, t[-1], 3500)
         + 0.05 * rng.standard_normal(n) + 0.1)
    return x.astype(np.float32)


# name, window, nperseg, noverlap, nfft, detrend, scaling, mode
SETS = [
    ("hann_256_128_density_psd", "hann", 256, 128, 256, False, "density", "psd"),
    ("hamming_200_150_n512_constant_spectrum_psd", "hamming", 200, 150, 512, "constant", "spectrum", "psd"),
    ("blackman_128_64_spectrum_magnitude", "blackman", 128, 64, 128, False, "spectrum", "magnitude"),
    ("tukey0.25_256_32_n300_constant_density_psd", ("tukey", 0.25), 256, 32, 300, "constant", "density", "psd"),
    ("hann_100_60_n101_density_complex", "hann", 100, 60, 101, False, "density", "complex"),
    ("tukey0.5_64_0_spectrum_psd", ("tukey", 0.5), 64, 0, 64, False, "spectrum", "psd"),
]


def hz_to_mel(f, htk):
    f = np.asanyarray(f, dtype=np.float64)
    if htk:
        return 2595.0 * np.log10(1.0 + f / 700.0)
    f_sp = 200.0 / 3
    mels = f / f_sp
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(f >= min_log_hz, min_log_mel + np.log(np.maximum(f, 1e-300) / min_log_hz) / logstep, mels)


def mel_to_hz(m, htk):
    m = np.asanyarray(m, dtype=np.float64)
    if htk:
        return 700.0 * (10.0 ** (m / 2595.0) - 1.0)
    f_sp = 200.0 / 3
    freqs = f_sp * m
    min_log_hz = 1000.0
    min_log_mel = min_log_hz / f_sp
    logstep = np.log(6.4) / 27.0
    return np.where(m >= min_log_mel, min_log_hz * np.exp(logstep * (m - min_log_mel)), freqs)


def mel_filters(sr, n_fft, n_mels, fmin, fmax, htk, norm):
    weights = np.zeros((n_mels, 1 + n_fft // 2))
    fftfreqs = np.fft.rfftfreq(n=n_fft, d=1.0 / sr)
    mel_f = mel_to_hz(np.linspace(hz_to_mel(fmin, htk), hz_to_mel(fmax, htk), n_mels + 2), htk)
    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)
    for i in range(n_mels):
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]
        weights[i] = np.maximum(0, np.minimum(lower, upper))
    if norm == "slaney":
        enorm = 2.0 / (mel_f[2:n_mels + 2] - mel_f[:n_mels])
        weights *= enorm[:, np.newaxis]
    return weights


def power_to_db(s, amin=1e-10, top_db=80.0):
    log_spec = 10.0 * np.log10(np.maximum(amin, s))
    return np.maximum(log_spec, log_spec.max() - top_db)


def main():
    x = signal()
    save("signal_8000hz.npy", x)
    xd = x.astype(np.float64)
    for name, window, nperseg, noverlap, nfft, detrend, scaling, mode in SETS:
        f, t, s = scipy.signal.spectrogram(xd, fs=FS, window=window, nperseg=nperseg, noverlap=noverlap,
                                           nfft=nfft, detrend=detrend, scaling=scaling, mode=mode)
        if mode == "complex":
            save("spec_" + name + "_real.npy", s.real.astype(np.float32))
            save("spec_" + name + "_imag.npy", s.imag.astype(np.float32))
        else:
            save("spec_" + name + ".npy", s.astype(np.float32))
        if name == SETS[0][0]:
            save("spec_" + name + "_f.npy", f)
            save("spec_" + name + "_t.npy", t)
    for w in ["hann", "hamming", "blackman", ("tukey", 0.25), ("tukey", 0.7)]:
        label = w if isinstance(w, str) else "tukey%s" % w[1]
        save("window_%s_101.npy" % label, scipy.signal.get_window(w, 101))
    # mel filterbanks (librosa.filters.mel conventions) and MFCC of a PSD spectrogram
    save("mel_slaney_n512_40.npy", mel_filters(FS, 512, 40, 0.0, FS / 2, False, "slaney").astype(np.float32))
    save("mel_htk_none_n256_24_100_3000.npy", mel_filters(FS, 256, 24, 100.0, 3000.0, True, None).astype(np.float32))
    _, _, p = scipy.signal.spectrogram(xd, fs=FS, window="hann", nperseg=200, noverlap=120, nfft=256,
                                       detrend=False, scaling="spectrum", mode="psd")
    mel = mel_filters(FS, 256, 40, 0.0, FS / 2, False, "slaney") @ p
    save("mfcc_hann_200_120_n256_mel40_c20.npy",
         scipy.fft.dct(power_to_db(mel), axis=-2, type=2, norm="ortho")[:20].astype(np.float32))
    # header reference for the .npy writer
    save("numpy_f4_2x3.npy", np.arange(6, dtype="<f4").reshape(2, 3))
    save("numpy_f8_5.npy", np.arange(5, dtype="<f8") / 4)
    save("numpy_f4_fortran_big_3x2.npy", np.asfortranarray(np.arange(6, dtype=">f4").reshape(3, 2)))
    print("scipy", scipy.__version__, "numpy", np.__version__)


if __name__ == "__main__":
    main()
