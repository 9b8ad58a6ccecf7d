package org.echoic.io;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * ND4J's binary array files ({@code params.bin}, {@code rmsprop.bin}, as {@code Nd4j.write} makes them: the shape
 * buffer then the data buffer, each as allocation mode, length, data type and big-endian values), read without
 * {@code Nd4j.read}: the header is checked against the expected number of values and the file's exact size before
 * a value is read, so a damaged or foreign file is refused in words instead of allocating what its header claims.
 * Stateless; thread-safe.
 */
final class Nd4jArrayFile {
    private static final int MAX_RANK = 32;
    private static final int MAX_NAME = 64;

    private Nd4jArrayFile() {
    }

    /**
     * Reads {@code file} into {@code target} (its length must be the file's), updating {@code sha} (may be null)
     * with every byte of the file.
     */
    static void readInto(Path file, INDArray target, MessageDigest sha) throws IOException {
        long size = ReadLimits.requireRegularFile(file, Long.MAX_VALUE, "an array file of the model");
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(
                     sha == null ? raw : new DigestInputStream(raw, sha), 1 << 16))) {
            Header h = header(file, in, size, target.length());
            assign(in, target, h.type(), h.length());
        } catch (EOFException e) {
            throw bad(file, null, "is truncated: it ends inside its header");
        } catch (UTFDataFormatException e) {
            throw bad(file, "header", "holds a name that is not text");
        }
    }

    /**
     * Checks that {@code file} holds exactly {@code expected} values (header and size), reading only its header: done
     * before the model that will receive them is allocated.
     */
    static void requireLength(Path file, long expected) throws IOException {
        long size = ReadLimits.requireRegularFile(file, Long.MAX_VALUE, "an array file of the model");
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 4096))) {
            header(file, in, size, expected);
        } catch (EOFException e) {
            throw bad(file, null, "is truncated: it ends inside its header");
        } catch (UTFDataFormatException e) {
            throw bad(file, "header", "holds a name that is not text");
        }
    }

    private record Header(DataType type, long length) {
    }

    private static Header header(Path file, DataInputStream in, long size, long expectedLength) throws IOException {
        {
            long[] header = {0};
            readName(file, in, header, "shape buffer");
            long shapeLength = in.readLong();
            header[0] += 8;
            if (shapeLength < 4 || shapeLength > 2 * MAX_RANK + 4 || shapeLength % 2 != 0) {
                throw bad(file, "shape", "the shape buffer declares " + shapeLength + " entries, which no array has");
            }
            if (!"LONG".equals(readName(file, in, header, "shape buffer"))) {
                throw bad(file, "shape", "the shape buffer is not of whole numbers");
            }
            long[] shapeInfo = new long[(int) shapeLength];
            for (int i = 0; i < shapeInfo.length; i++) {
                shapeInfo[i] = in.readLong();
            }
            header[0] += 8L * shapeLength;
            long rank = shapeInfo[0];
            if (rank < 0 || 2 * rank + 4 != shapeLength) {
                throw bad(file, "shape", "the shape buffer declares rank " + rank + " in " + shapeLength + " entries");
            }
            long product = 1;
            for (int i = 1; i <= rank; i++) {
                if (shapeInfo[i] < 0) {
                    throw bad(file, "shape", "dimension " + i + " is negative (" + shapeInfo[i] + ")");
                }
                product = ReadLimits.Budget.product(product, shapeInfo[i]);
                if (product < 0) {
                    throw bad(file, "shape", "the dimensions multiply to more than 8 EiB");
                }
            }
            readName(file, in, header, "data buffer");
            long length = in.readLong();
            header[0] += 8;
            DataType type = dataType(file, readName(file, in, header, "data buffer"));
            if (length != expectedLength) {
                throw bad(file, "length", "holds " + length + " values, the model described in model.json has "
                        + expectedLength + " (model.json and " + file.getFileName() + " do not belong together)");
            }
            if (product != length && rank > 0) {
                throw bad(file, "shape", "the shape holds " + product + " values but the data " + length);
            }
            int each = type == DataType.DOUBLE ? 8 : 4;
            long expected = header[0] + length * each;
            if (size != expected) {
                throw bad(file, null, (size < expected ? "is truncated" : "has extra bytes") + ": " + length + " "
                        + type.name().toLowerCase(java.util.Locale.ROOT) + " values need " + expected
                        + " bytes, the file has " + size);
            }
            return new Header(type, length);
        }
    }

    private static void assign(DataInputStream in, INDArray target, DataType type, long length) throws IOException {
        int n = (int) length;
        INDArray values;
        if (target.dataType() == DataType.DOUBLE) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = type == DataType.DOUBLE ? in.readDouble() : in.readFloat();
            }
            values = Nd4j.createFromArray(v);
        } else {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = type == DataType.DOUBLE ? (float) in.readDouble() : in.readFloat();
            }
            values = Nd4j.createFromArray(v);
        }
        try (values) {
            target.assign(values.reshape(target.shape()));
        }
    }

    private static String readName(Path file, DataInputStream in, long[] header, String what) throws IOException {
        in.mark(2);
        int len = in.readUnsignedShort();
        in.reset();
        if (len == 0 || len > MAX_NAME) {
            throw bad(file, "header", "the " + what + " does not start with a name (not an ND4J array file?)");
        }
        String name = in.readUTF();
        header[0] += 2 + len;
        if (!name.matches("[A-Z0-9_]+")) {
            throw bad(file, "header", "the " + what + " is named '" + name + "' (not an ND4J array file?)");
        }
        return name;
    }

    private static DataType dataType(Path file, String name) throws InvalidFileException {
        return switch (name) {
            case "FLOAT" -> DataType.FLOAT;
            case "DOUBLE" -> DataType.DOUBLE;
            default -> throw bad(file, "type", "values of type " + name + " (only float and double are written)");
        };
    }

    private static InvalidFileException bad(Path file, String field, String problem) {
        return new InvalidFileException(file, field, problem);
    }
}
