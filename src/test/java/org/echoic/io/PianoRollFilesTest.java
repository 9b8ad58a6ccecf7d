package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import org.echoic.train.SequenceDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boulanger-Lewandowski split files (JSON and Python pickles of protocols 0, 2 and 4, as Python writes them) become
 * 88-key binary frames; objects in a pickle, unknown splits and pitches off the piano are refused by name.
 */
class PianoRollFilesTest {
    /** pickle.dumps({'train': [[[60,64],[62],[]],[[21,108]]], 'valid': [[[60]]], 'test': [[(67,71),(72,)]]}, 2). */
    static final String PROTOCOL_2 = "80027d7100285805000000747261696e71015d7102285d7103285d7104284b3c4b40655d71054b3e"
            + "615d7106655d71075d7108284b154b6c656165580500000076616c696471095d710a5d710b5d710c4b3c616161580400000074"
            + "657374710d5d710e5d710f284b434b478671104b488571116561752e";
    /** The same with protocol 0 (text opcodes). */
    static final String PROTOCOL_0 = "286470300a56747261696e0a70310a286c70320a286c70330a286c70340a4936300a614936340a61"
            + "61286c70350a4936320a6161286c70360a6161286c70370a286c70380a4932310a61493130380a616161735676616c69640a70"
            + "390a286c7031300a286c7031310a286c7031320a4936300a6161617356746573740a7031330a286c7031340a286c7031350a28"
            + "4936370a4937310a747031360a61284937320a747031370a6161732e";
    /** The same with protocol 4 (frames, memoize). */
    static final String PROTOCOL_4 = "8004955a000000000000007d94288c05747261696e945d94285d94285d94284b3c4b40655d944b3e"
            + "615d94655d945d94284b154b6c6561658c0576616c6964945d945d945d944b3c6161618c0474657374945d945d94284b434b47"
            + "86944b4885946561752e";
    /** A pickle holding a collections.OrderedDict: building it would run code. */
    static final String WITH_OBJECT = "80027d71005805000000747261696e71015d71025d71035d710463636f6c6c656374696f6e730a"
            + "4f726465726564446963740a710529527106616161732e";

    @TempDir
    Path dir;

    private Path bytes(String name, String hex) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, HexFormat.of().parseHex(hex));
        return p;
    }

    private Path text(String name, String json) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, json);
        return p;
    }

    private static float[] keys(int... pitches) {
        float[] f = new float[PianoRollFiles.KEYS];
        for (int p : pitches) {
            f[p - PianoRollFiles.LOWEST_PITCH] = 1f;
        }
        return f;
    }

    private static void assertTheSplits(Path file) throws IOException {
        assertTrue(PianoRollFiles.isSplitFile(file));
        SequenceDataset train = PianoRollFiles.read(file, "train");
        assertEquals(88, train.nVisible());
        assertEquals(2, train.size());
        assertEquals(4, train.totalFrames());
        assertArrayEquals(keys(60, 64), train.sequences().get(0)[0]);
        assertArrayEquals(keys(62), train.sequences().get(0)[1]);
        assertArrayEquals(keys(), train.sequences().get(0)[2]);
        assertArrayEquals(keys(21, 108), train.sequences().get(1)[0]);
        assertTrue(train.isBinary());
        SequenceDataset test = PianoRollFiles.read(file, "test");
        assertArrayEquals(keys(67, 71), test.sequences().get(0)[0]);
        assertArrayEquals(keys(72), test.sequences().get(0)[1]);
        assertEquals(1, PianoRollFiles.read(file, "valid").totalFrames());
    }

    @Test
    void readsJsonSplitsAsEightyEightKeys() throws IOException {
        assertTheSplits(text("jsb.json", "{\"train\": [[[60, 64], [62], []], [[21, 108]]], \"valid\": [[[60]]], "
                + "\"test\": [[[67, 71], [72]]]}"));
    }

    @Test
    void readsPicklesOfProtocolsZeroTwoAndFour() throws IOException {
        assertTheSplits(bytes("p2.pickle", PROTOCOL_2));
        assertTheSplits(bytes("p0.pickle", PROTOCOL_0));
        assertTheSplits(bytes("p4.pickle", PROTOCOL_4));
    }

    @Test
    void echoicsOwnFormatIsNotASplitFile() throws IOException {
        assertFalse(PianoRollFiles.isSplitFile(text("own.json", "{\"nVisible\": 2, \"sequences\": [[[0]]]}")));
    }

    @Test
    void refusesObjectsUnknownSplitsAndPitchesOffThePiano() throws IOException {
        InvalidFileException object = assertThrows(InvalidFileException.class,
                () -> PianoRollFiles.read(bytes("obj.pickle", WITH_OBJECT), "train"));
        assertTrue(object.getMessage().contains("builds an object"), object.getMessage());
        Path json = text("s.json", "{\"train\": [[[60]]], \"test\": [[[20]]]}");
        InvalidFileException split = assertThrows(InvalidFileException.class, () -> PianoRollFiles.read(json, "valid"));
        assertTrue(split.getMessage().contains("no such split") && split.getMessage().contains("train, test"),
                split.getMessage());
        InvalidFileException pitch = assertThrows(InvalidFileException.class, () -> PianoRollFiles.read(json, "test"));
        assertTrue(pitch.getMessage().contains("test[0][0]") && pitch.getMessage().contains("pitch 20"),
                pitch.getMessage());
        InvalidFileException truncated = assertThrows(InvalidFileException.class,
                () -> PianoRollFiles.read(bytes("cut.pickle", PROTOCOL_2.substring(0, 60)), "train"));
        assertTrue(truncated.getMessage().contains("ends early"), truncated.getMessage());
    }
}
