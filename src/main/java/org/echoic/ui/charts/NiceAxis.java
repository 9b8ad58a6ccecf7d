package org.echoic.ui.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import javafx.geometry.Dimension2D;
import javafx.geometry.Side;
import javafx.scene.chart.ValueAxis;

/**
 * A number axis for {@code javafx.scene.chart} with the ticks a figure needs: steps of 1, 2 or 5 × 10^k in the
 * axis' display unit (data in Hz shown in kHz with {@link #setDisplayDivisor}), whole ticks only when
 * {@link #setIntegerTicks} (epochs), as dense as the labels allow without overlapping, labels with the decimals
 * the step needs, and a log10 mode for data given as log10 values (ticks at 1, 2, 5 × 10^k labelled with the
 * value itself). Auto-ranging fits the data with a small margin ({@link #setExtendToTicks} rounds the bounds out to
 * whole steps); {@link #setFixedRange} shows a given range. Unlike {@code NumberAxis}, the bounds are not ticks
 * unless they fall on a step. JavaFX thread only.
 */
public final class NiceAxis extends ValueAxis<Number> {
    /** Smallest gap between neighbouring labels, in pixels. */
    static final double LABEL_GAP_PX = 10;
    private boolean integerTicks;
    private boolean extendToTicks;
    private boolean forceZero;
    private boolean log10;
    private double divisor = 1;
    private double currentStep = 1;
    private List<String> categories;

    /** An auto-ranging axis titled {@code label} (name and unit, e.g. "Frequency (kHz)"). */
    public NiceAxis(String label) {
        setLabel(label);
        setAnimated(false);
        setMinorTickVisible(false);
        getStyleClass().add("nice-axis");
    }

    /** Ticks at whole numbers only (counts, epochs). */
    public NiceAxis setIntegerTicks(boolean whole) {
        integerTicks = whole;
        invalidateRange();
        requestAxisLayout();
        return this;
    }

    /** Rounds auto-ranged bounds out to whole steps (histograms, counts) instead of a 2 % margin. */
    public NiceAxis setExtendToTicks(boolean extend) {
        extendToTicks = extend;
        invalidateRange();
        requestAxisLayout();
        return this;
    }

    /** Keeps 0 in the auto-ranged bounds. */
    public NiceAxis setForceZero(boolean zero) {
        forceZero = zero;
        invalidateRange();
        requestAxisLayout();
        return this;
    }

    /** Data are log10 of the values; ticks and labels show the values (1, 2, 5 × 10^k). */
    public NiceAxis setLog10(boolean log) {
        log10 = log;
        invalidateRange();
        requestAxisLayout();
        return this;
    }

    /** Data are in base units and ticks in base units / {@code d} (1000 for Hz data on a kHz axis). */
    public NiceAxis setDisplayDivisor(double d) {
        if (!(d > 0)) {
            throw new IllegalArgumentException("divisor must be positive: " + d);
        }
        divisor = d;
        requestAxisLayout();
        return this;
    }

    /**
     * Names instead of numbers: value {@code i} is {@code names[i]} (bottom to top or left to right), each shown
     * over {@code [i − 0.5, i + 0.5]}; every name is labelled while the labels fit (else every 2nd, 5th …).
     */
    public NiceAxis setCategories(List<String> names) {
        categories = List.copyOf(names);
        integerTicks = true;
        setFixedRange(-0.5, Math.max(0, names.size() - 1) + 0.5);
        return this;
    }

    /** Shows {@code [lower, upper]} (data units) whatever the data; auto-ranging is switched off. */
    public void setFixedRange(double lower, double upper) {
        setAutoRanging(false);
        setLowerBound(lower);
        setUpperBound(upper > lower ? upper : lower + 1);
        requestAxisLayout();
    }

    /** The step between the ticks of the last layout, in data units. */
    public double tickStep() {
        return currentStep * divisor;
    }

    /** The tick values of the last layout, in data units. */
    public List<Double> tickValuesShown() {
        List<Double> out = new ArrayList<>();
        for (var m : getTickMarks()) {
            out.add(m.getValue().doubleValue());
        }
        return out;
    }

    private boolean vertical() {
        Side s = getSide();
        return s == null || s.isVertical();
    }

    /** How many ticks of the widest label fit in {@code lengthPx}. */
    private int maxTicks(double lengthPx, double lo, double hi) {
        double labelPx = vertical() ? getTickLabelFont().getSize() * 1.6 : 0;
        if (!vertical()) {
            NiceScale probe = NiceScale.of(lo / divisor, hi / divisor, 12, integerTicks, false);
            List<String> texts = new ArrayList<>();
            if (categories != null) {
                texts.addAll(categories);
            }
            for (double v : new double[] {probe.lower(), probe.upper(), probe.lower() + probe.step() / 3}) {
                texts.add(log10 ? logLabel(v) : NiceScale.format(v, NiceScale.decimals(probe.step())));
            }
            for (String text : texts) {
                Dimension2D d = measureTickMarkLabelSize(text, getTickLabelRotation());
                labelPx = Math.max(labelPx, d.getWidth());
            }
        }
        return Math.max(2, (int) Math.floor(lengthPx / (labelPx + LABEL_GAP_PX)) + 1);
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        double lo = minValue;
        double hi = maxValue;
        if (!(hi >= lo)) {
            lo = 0;
            hi = 1;
        }
        if (forceZero) {
            lo = Math.min(lo, 0);
            hi = Math.max(hi, 0);
        }
        if (!log10 && (extendToTicks || integerTicks && hi - lo < 1)) {
            NiceScale s = NiceScale.of(lo / divisor, hi / divisor, maxTicks(length, lo, hi), integerTicks, true);
            lo = s.lower() * divisor;
            hi = s.upper() * divisor;
        } else if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
            lo -= 0.5;
            hi += 0.5;
        } else {
            double pad = (hi - lo) * 0.02;
            lo = forceZero && lo == 0 ? 0 : lo - pad;
            hi = forceZero && hi == 0 ? 0 : hi + pad;
        }
        return new double[] {lo, hi, calculateNewScale(length, lo, hi)};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
        setScale(r[2]);
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound(), getScale()};
    }

    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        List<Number> out = new ArrayList<>();
        if (log10) {
            for (double v : logTicks(r[0], r[1], maxTicks(length, r[0], r[1]))) {
                out.add(v);
            }
            return out;
        }
        NiceScale s = NiceScale.of(r[0] / divisor, r[1] / divisor, maxTicks(length, r[0], r[1]), integerTicks, false);
        currentStep = s.step();
        for (double v : s.ticks()) {
            out.add(v * divisor);
        }
        return out;
    }

    /** log10 positions of 1 × 10^k (then also 2 and 5 × 10^k while they fit) within {@code [lo, hi]}. */
    static List<Double> logTicks(double lo, double hi, int maxTicks) {
        List<Double> best = new ArrayList<>();
        double[][] sets = {{1, 2, 5}, {1, 2, 4, 6, 8}};
        for (int decadeStep = 1; decadeStep <= 64; decadeStep *= 2) {
            List<Double> ticks = new ArrayList<>();
            for (long k = (long) Math.floor(lo); k <= Math.ceil(hi); k++) {
                if (Math.floorMod(k, decadeStep) == 0 && k >= lo - 1e-9 && k <= hi + 1e-9) {
                    ticks.add((double) k);
                }
            }
            if (ticks.size() <= maxTicks) {
                best = ticks;
                break;
            }
        }
        if (best.size() >= 3 || hi - lo > 2) {
            return best;
        }
        for (double[] mantissas : sets) {
            List<Double> ticks = new ArrayList<>();
            for (long k = (long) Math.floor(lo) - 1; k <= Math.ceil(hi); k++) {
                for (double m : mantissas) {
                    double v = k + Math.log10(m);
                    if (v >= lo - 1e-9 && v <= hi + 1e-9) {
                        ticks.add(v);
                    }
                }
            }
            if (ticks.size() > maxTicks) {
                break;
            }
            best = ticks;
        }
        if (best.size() < 2) {
            best = new ArrayList<>(NiceScale.of(lo, hi, maxTicks, false, false).ticks());
        }
        return best;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        return List.of();
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        if (categories != null) {
            int i = (int) Math.round(value.doubleValue());
            return i >= 0 && i < categories.size() ? categories.get(i) : "";
        }
        return log10 ? logLabel(value.doubleValue()) : NiceScale.format(value.doubleValue() / divisor,
                NiceScale.decimals(currentStep));
    }

    /** The value whose log10 is {@code v}, to two significant digits ("0.002", "5000", "1e−6" beyond 10^±5). */
    static String logLabel(double v) {
        BigDecimal d = new BigDecimal(Math.pow(10, v)).round(new MathContext(2)).stripTrailingZeros();
        if (Math.abs(v) >= 5) {
            return NiceScale.format(d.unscaledValue().doubleValue(), 0) + "e" + NiceScale.format(-d.scale(), 0);
        }
        return (d.scale() < 0 ? d.setScale(0) : d).toPlainString();
    }
}
