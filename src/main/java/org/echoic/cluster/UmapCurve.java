package org.echoic.cluster;

/**
 * UMAP's low-dimensional similarity {@code 1 / (1 + a d^(2b))}: a and b are fitted by least squares
 * (Levenberg–Marquardt) to {@code 1} below {@code minDist} and {@code exp(−(d − minDist) / spread)} above it, at 300
 * distances over [0, 3·spread], as umap-learn's {@code find_ab_params} does (min_dist 0.1, spread 1: a ≈ 1.577,
 * b ≈ 0.895). Immutable.
 */
public record UmapCurve(double a, double b) {
    private static final int POINTS = 300;

    /** The curve for {@code minDist} ≥ 0 and {@code spread} > minDist. */
    public static UmapCurve fit(double minDist, double spread) {
        if (!(minDist >= 0) || !(spread > 0) || minDist >= spread) {
            throw new IllegalArgumentException("UMAP needs 0 <= min-dist < spread: " + minDist + ", " + spread);
        }
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = 3 * spread * i / (POINTS - 1);
            y[i] = x[i] < minDist ? 1 : Math.exp(-(x[i] - minDist) / spread);
        }
        double a = 1;
        double b = 1;
        double lambda = 1e-3;
        double cost = cost(x, y, a, b);
        for (int iter = 0; iter < 200; iter++) {
            double jaa = 0;
            double jab = 0;
            double jbb = 0;
            double ga = 0;
            double gb = 0;
            for (int i = 1; i < POINTS; i++) {
                double p = Math.pow(x[i], 2 * b);
                double den = 1 + a * p;
                double r = 1 / den - y[i];
                double da = -p / (den * den);
                double db = -a * p * 2 * Math.log(x[i]) / (den * den);
                jaa += da * da;
                jab += da * db;
                jbb += db * db;
                ga += da * r;
                gb += db * r;
            }
            double haa = jaa * (1 + lambda);
            double hbb = jbb * (1 + lambda);
            double det = haa * hbb - jab * jab;
            if (det == 0) {
                break;
            }
            double stepA = -(hbb * ga - jab * gb) / det;
            double stepB = -(haa * gb - jab * ga) / det;
            double na = a + stepA;
            double nb = b + stepB;
            double nc = na > 0 && nb > 0 ? cost(x, y, na, nb) : Double.POSITIVE_INFINITY;
            if (nc < cost) {
                boolean converged = cost - nc < 1e-14;
                a = na;
                b = nb;
                cost = nc;
                lambda /= 10;
                if (converged) {
                    break;
                }
            } else {
                lambda *= 10;
                if (lambda > 1e12) {
                    break;
                }
            }
        }
        return new UmapCurve(a, b);
    }

    private static double cost(double[] x, double[] y, double a, double b) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double r = 1 / (1 + a * Math.pow(x[i], 2 * b)) - y[i];
            s += r * r;
        }
        return s;
    }
}
