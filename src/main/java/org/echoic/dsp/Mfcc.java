package org.echoic.dsp;

/**
 * Mel-frequency cepstral coefficients as {@code librosa.feature.mfcc}: log-mel
 * ({@code power_to_db}: {@code 10 log10(max(1e-10, S))}, then values below the array's maximum minus
 * {@code topDb} raised to it; {@code topDb = NaN} skips that) followed by the orthonormal DCT-II along
 * frequency, keeping the first coefficients. Arrays are (row, frame) row-major. Stateless; thread-safe.
 */
public final class Mfcc {
    private Mfcc() {
    }

    /** librosa.power_to_db(S, ref=1, amin=1e-10, top_db) of a (rows, frames) array. */
    public static float[] powerToDb(float[] power, double topDb) {
        float[] db = new float[power.length];
        float max = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < db.length; i++) {
            db[i] = (float) (10 * Math.log10(Math.max(1e-10, power[i])));
            max = Math.max(max, db[i]);
        }
        if (!Double.isNaN(topDb)) {
            float floor = (float) (max - topDb);
            for (int i = 0; i < db.length; i++) {
                db[i] = Math.max(db[i], floor);
            }
        }
        return db;
    }

    /**
     * MFCCs of a (nMels, frames) mel power array: (coefficients, frames).
     *
     * @param coefficients how many to keep, at most nMels
     */
    public static float[] compute(float[] melPower, int nMels, int frames, int coefficients, double topDb) {
        if (coefficients < 1 || coefficients > nMels || melPower.length != nMels * frames) {
            throw new IllegalArgumentException("cannot take " + coefficients + " coefficients of " + nMels + " mels");
        }
        float[] db = powerToDb(melPower, topDb);
        double[] basis = new double[coefficients * nMels];
        for (int k = 0; k < coefficients; k++) {
            double s = Math.sqrt((k == 0 ? 1.0 : 2.0) / nMels);
            for (int n = 0; n < nMels; n++) {
                basis[k * nMels + n] = s * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * nMels));
            }
        }
        float[] out = new float[coefficients * frames];
        for (int t = 0; t < frames; t++) {
            for (int k = 0; k < coefficients; k++) {
                double sum = 0;
                for (int n = 0; n < nMels; n++) {
                    sum += basis[k * nMels + n] * db[n * frames + t];
                }
                out[k * frames + t] = (float) sum;
            }
        }
        return out;
    }
}
