package org.echoic.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared read limits: sizes in words, the configurable maximum, budgets, and data sets refused by them. */
class ReadLimitsTest {
    @TempDir
    Path dir;

    @AfterEach
    void reset() {
        ReadLimits.setMaxBytes(null);
    }

    @Test
    void sizesParseAndPrint() {
        assertEquals(512L << 20, ReadLimits.parseSize("512m"));
        assertEquals(2L << 30, ReadLimits.parseSize("2G"));
        assertEquals(1234, ReadLimits.parseSize("1234"));
        assertThrows(IllegalArgumentException.class, () -> ReadLimits.parseSize("lots"));
        assertEquals("12 bytes", ReadLimits.describe(12));
        assertEquals("1.5 KiB", ReadLimits.describe(1536));
        assertEquals("512 MiB", ReadLimits.describe(512L << 20));
    }

    @Test
    void theMaximumIsConfigurableButNeverMoreThanThreeQuartersOfTheHeap() {
        long heap = Runtime.getRuntime().maxMemory();
        assertEquals(heap / 2, ReadLimits.maxBytes());
        ReadLimits.setMaxBytes(1L << 20);
        assertEquals(1L << 20, ReadLimits.maxBytes());
        ReadLimits.setMaxBytes(Long.MAX_VALUE);
        assertEquals(heap / 4 * 3, ReadLimits.maxBytes());
    }

    @Test
    void aBudgetRefusesPastItsLimitNamingTheField() throws IOException {
        ReadLimits.Budget b = new ReadLimits.Budget(dir.resolve("f"), 1000);
        b.reserve(600, "a");
        InvalidFileException e = assertThrows(InvalidFileException.class, () -> b.reserve(500, "sequences"));
        assertEquals("sequences", e.field());
        assertTrue(e.getMessage().startsWith(dir.resolve("f") + ": sequences: would need 1.1 KiB of memory"),
                e.getMessage());
        assertThrows(InvalidFileException.class, () -> b.reserve(ReadLimits.Budget.product(Long.MAX_VALUE, 8), "x"));
    }

    @Test
    void dataSetsDeclaringHugeFramesOrManyEmptyOnesAreRefusedBeforeAllocation() throws IOException {
        ReadLimits.setMaxBytes(4L << 20);
        Path wide = dir.resolve("wide.json");
        Files.writeString(wide, "{\"nVisible\": 65536, \"sequences\": [" + "[[1], [2]], ".repeat(20) + "[[3]]]}");
        IOException e = assertThrows(IOException.class, () -> SequenceDatasetReader.read(wide));
        assertTrue(e.getMessage().startsWith(wide + ": nVisible: would need"), e.getMessage());
        Path tooWide = dir.resolve("toowide.json");
        Files.writeString(tooWide, "{\"nVisible\": 1000000, \"sequences\": [[[1]]]}");
        IOException w = assertThrows(IOException.class, () -> SequenceDatasetReader.read(tooWide));
        assertEquals(tooWide + ": nVisible: must be a whole number from 1 to 65536, found 1000000", w.getMessage());
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, "{\"nVisible\": 2, \"sequences\": [[" + "[], ".repeat(40_000) + "[]]]}");
        IOException m = assertThrows(IOException.class, () -> SequenceDatasetReader.read(empty));
        assertTrue(m.getMessage().startsWith(empty + ": sequences: would need"), m.getMessage());
    }

    @Test
    void devicesAndFoldersAreNotRead() {
        IOException dev = assertThrows(IOException.class, () -> SequenceDatasetReader.read(Path.of("/dev/zero")));
        assertEquals("/dev/zero: is a device, pipe or socket, not a sequence data set", dev.getMessage());
        IOException folder = assertThrows(IOException.class, () -> ProjectFiles.read(dir));
        assertTrue(folder.getMessage().contains("is a folder, not a project file"), folder.getMessage());
    }
}
