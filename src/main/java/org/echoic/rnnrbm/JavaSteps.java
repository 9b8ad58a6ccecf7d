package org.echoic.rnnrbm;

import java.nio.FloatBuffer;

/**
 * The small element-wise parts of one recurrent step in plain Java over direct float views of ND4J's CPU
 * buffers: a fused loop of a few microseconds instead of several ND4J ops of 20–90 µs each. Buffer order is
 * that of {@link RecurrentLayerPass}: azr, ah, u, g, diff, ur, dazr, dah, kz, kr, kh, carry, dur. Stateless.
 */
final class JavaSteps {
    private static final int AZR = 0;
    private static final int AH = 1;
    private static final int U = 2;
    private static final int G = 3;
    private static final int DIFF = 4;
    private static final int UR = 5;
    private static final int DAZR = 6;
    private static final int DAH = 7;
    private static final int KZ = 8;
    private static final int KR = 9;
    private static final int KH = 10;
    private static final int CARRY = 11;
    private static final int DUR = 12;

    private JavaSteps() {
    }

    /** ur_t = u_{t−1} ⊙ r_t. */
    static void resetProduct(FloatBuffer[] fb, int t, int batch, int r) {
        FloatBuffer azr = fb[AZR];
        FloatBuffer u = fb[U];
        FloatBuffer ur = fb[UR];
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int base = row * r;
            int gate = row * 2 * r + r;
            for (int j = 0; j < r; j++) {
                ur.put(base + j, u.get(base + j) * azr.get(gate + j));
            }
        }
    }

    /** diff_t = u_{t−1} − ũ_t; u_t = ũ_t + z_t ⊙ diff_t. */
    static void update(FloatBuffer[] fb, int t, int batch, int r) {
        FloatBuffer azr = fb[AZR];
        FloatBuffer ah = fb[AH];
        FloatBuffer u = fb[U];
        FloatBuffer diff = fb[DIFF];
        int next = batch * r;
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int base = row * r;
            int gate = row * 2 * r;
            for (int j = 0; j < r; j++) {
                float h = ah.get(base + j);
                float d = u.get(base + j) - h;
                diff.put(base + j, d);
                u.put(next + base + j, h + azr.get(gate + j) * d);
            }
        }
    }

    /** du = g_{t+1} + carry; dah = du ⊙ kh; daz = du ⊙ kz; carry = du ⊙ z. */
    static void backCandidate(FloatBuffer[] fb, int t, int batch, int r, boolean last) {
        FloatBuffer azr = fb[AZR];
        FloatBuffer g = fb[G];
        FloatBuffer dazr = fb[DAZR];
        FloatBuffer dah = fb[DAH];
        FloatBuffer kz = fb[KZ];
        FloatBuffer kh = fb[KH];
        FloatBuffer carry = fb[CARRY];
        int next = batch * r;
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int base = row * r;
            int gate = row * 2 * r;
            int c = b * r;
            for (int j = 0; j < r; j++) {
                float du = g.get(next + base + j) + (last ? 0f : carry.get(c + j));
                dah.put(base + j, du * kh.get(base + j));
                dazr.put(gate + j, du * kz.get(base + j));
                carry.put(c + j, du * azr.get(gate + j));
            }
        }
    }

    /** dar = dur ⊙ kr; carry += dur ⊙ r. */
    static void backReset(FloatBuffer[] fb, int t, int batch, int r) {
        FloatBuffer azr = fb[AZR];
        FloatBuffer dazr = fb[DAZR];
        FloatBuffer kr = fb[KR];
        FloatBuffer carry = fb[CARRY];
        FloatBuffer dur = fb[DUR];
        for (int b = 0; b < batch; b++) {
            int row = t * batch + b;
            int base = row * r;
            int gate = row * 2 * r + r;
            int c = b * r;
            for (int j = 0; j < r; j++) {
                float d = dur.get(c + j);
                dazr.put(gate + j, d * kr.get(base + j));
                carry.put(c + j, carry.get(c + j) + d * azr.get(gate + j));
            }
        }
    }
}
